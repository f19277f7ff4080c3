"""Streamlit's own English words, in the session's language where a user meets them.

Streamlit draws some text itself, in English only: the accessible names of the number input's
+/- buttons ("Increment", "Decrement"), of the help icons ("Help for <label>"), of a dialog's
"Close" button, the error for a
file that is too large (and the hidden "Error:" read out before it), and "Press Enter to apply"
under text fields. Names (aria-label) are
rewritten in the browser; the "Press Enter" hint is hidden, since a field keeps its value when
focus leaves it, and the character counter stays. Hidden as well: the headings' "Link to
heading" anchors and the chart's menu ("Download as PNG", "Copy Vega-Lite spec",
"Fullscreen"). The file uploader's own words are handled in ``bpa_ui.frame``. What remains in
English is listed in docs/i18n.md.

Every text here is an interface string from our catalog (never user text), JSON-encoded.
"""

from __future__ import annotations

import json

import streamlit as st

from bpa_ui.i18n import _

STYLE = (
    "<style>"
    "[data-testid='InputInstructions'] > span:first-child:not(:last-child),"
    " [data-testid='InputInstructions'] > span:only-child { display: none; }"
    "[data-testid='InputInstructions'] > span:nth-child(2)::before { content: none !important; }"
    # Off: the headings' "Link to heading" anchors (English, and no use in a guided form) and
    # the chart's menu ("Download as PNG", "Copy Vega-Lite spec", "Fullscreen"): the chart's
    # facts are written out beside it (bpa_ui.chart).
    "[data-testid='stHeaderActionElements'] a[href^='#'] { display: none !important; }"
    "[data-testid='stFullScreenFrame']:has([data-testid='stVegaLiteChart'])"
    " [data-testid='stElementToolbar'] { display: none !important; }"
    "</style>"
)

_SCRIPT = """<script>(function(){
window.__bpaWords = %s;
if (window.__bpaWordsObserver) { window.__bpaWordsApply(); return; }
function apply(){
  const w = window.__bpaWords;
  document.querySelectorAll("[data-testid='stNumberInputStepUp']").forEach(function(b){
    if (b.getAttribute('aria-label') !== w.up) { b.setAttribute('aria-label', w.up); }});
  document.querySelectorAll("[data-testid='stNumberInputStepDown']").forEach(function(b){
    if (b.getAttribute('aria-label') !== w.down) { b.setAttribute('aria-label', w.down); }});
  document.querySelectorAll("[aria-label^='Help for '], [aria-label='Help']").forEach(function(e){
    const label = e.getAttribute('aria-label');
    const named = label === 'Help' ? w.help : w.helpFor.split('{label}').join(label.slice(9));
    if (named !== label) { e.setAttribute('aria-label', named); }
  });
  if (w.close !== 'Close') {  // setting even the same name is a mutation: never loop on it
    document.querySelectorAll("[role='dialog'] button[aria-label='Close']").forEach(function(b){
      b.setAttribute('aria-label', w.close); });
  }
  document.querySelectorAll("[data-testid='stFileUploader']").forEach(function(root){
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walk.nextNode())) {
      const text = node.nodeValue || '';
      if (/^File must be .* or smaller\\.?$/.test(text.trim())) { node.nodeValue = w.tooLarge; }
      else if (/files are not allowed\\.?$/.test(text.trim())) { node.nodeValue = w.wrongType; }
      // The refusal is read out (role=alert) with a hidden English "Error: " before it.
      else if (text.trim() === 'Error:' && w.error !== 'Error:') { node.nodeValue = w.error + ' '; }
    }
  });
}
window.__bpaWordsApply = apply;
window.__bpaWordsObserver = new MutationObserver(function(){ apply(); });
window.__bpaWordsObserver.observe(document.body, {childList: true, subtree: true,
  attributes: true, attributeFilter: ['aria-label']});
apply();
})();</script>"""


def words() -> dict[str, str]:
    """Streamlit's English words and ours in the session's language."""
    return {
        "up": _("Increase by one step"),
        "down": _("Decrease by one step"),
        "help": _("Help"),
        "close": _("Close"),
        "helpFor": _("Help for {label}"),
        "tooLarge": _("The file is larger than 1 MB. Choose the draft file you saved."),
        "wrongType": _("Only JSON files can be used. Choose the draft file you saved."),
        # Read out before the uploader's refusal, as in "Error: The file is larger than 1 MB."
        "error": _("Error:"),
    }


def translate_streamlit_text() -> None:
    """Put the session's words in place of Streamlit's English (see the module docstring)."""
    st.html(STYLE)
    st.html(_SCRIPT % json.dumps(words()), unsafe_allow_javascript=True)
