"""The frame around every step: page setup, language, <html lang>, navigation, the step heading
with focus, back and next, "save my answers" and "delete everything".

Pages call ``begin(step_id)`` first and ``end(step_id)`` last; the order of the steps lives in
``bpa_ui.steps``.
"""

from __future__ import annotations

import copy
import json

import streamlit as st

from bpa_core import languages
from bpa_ui import downloads, steps, tab_copy
from bpa_ui.bind import ERRORS_SHOWN_KEY, drop_widget_values
from bpa_ui.errors import show_friendly_error
from bpa_ui.i18n import _, begin_run, current_language, set_language
from bpa_ui.mobile import close_sidebar_on_narrow_screen
from bpa_ui.state import delete_everything
from bpa_ui.streamlit_text import translate_streamlit_text

GOTO_KEY = "goto"  # a step id to switch to at the start of the next run (set in callbacks)
SHOWN_KEY = "shown_step"  # the step shown last: a change moves focus to the new h1
FOCUS_COUNT_KEY = "focus_count"
FROM_CHECK_KEY = "from_check"  # came from "check your answers": offer the way back
DELETED_KEY = "deleted"
RETURN_KEY = "return_to"  # a page that sent the user to a step (the review's links): the way back


def language_name(code: str) -> str:
    """A language by its own name (the registry's), as the interface's chooser shows it."""
    return languages.language(code).name


def set_document_language(lang: str) -> None:
    """Streamlit hard-codes <html lang="en">: set it to the session's language in the browser."""
    st.html(
        f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
        unsafe_allow_javascript=True,
    )


STYLE = (
    "<style>"
    # The step heading gets focus from code, not from the keyboard: no focus ring around it.
    "h1[tabindex='-1']:focus { outline: none; }"
    # Streamlit's grey captions and their links fall below 4.5:1 contrast: darken them.
    "[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] p "
    "{ color: #4a4a4a !important; opacity: 1 !important; }"
    "[data-testid='stCaptionContainer'] a { color: #1d4f91 !important; }"
    "</style>"
)


def _css_string(text: str) -> str:
    """An interface string as a CSS string literal (our catalog's text, never user text)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def uploader_style() -> str:
    """Streamlit's file uploader speaks English only: put the session's words in its place."""
    choose = _css_string(_("Choose file"))
    limit = _css_string(_("At most 1 MB • JSON"))
    return (
        "<style>"
        # Visually hidden but still a name until name_uploader_button() sets aria-label.
        "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']"
        " { position: absolute; width: 1px; height: 1px; overflow: hidden;"
        " clip: rect(0 0 0 0); white-space: nowrap; }"
        f"[data-testid='stFileUploaderDropzone'] button span[data-has-shortcut]::after"
        f" {{ content: {choose}; }}"
        "[data-testid='stFileUploaderDropzoneInstructions'] span { display: none; }"
        f"[data-testid='stFileUploaderDropzoneInstructions'] > div::after {{ content: {limit}; }}"
        "</style>"
    )


_UPLOADER_NAMES = """<script>(function(){
window.__bpaUploadNames = %s;
if (window.__bpaUploadObserver) { window.__bpaUploadApply(); return; }
function name(b, text){
  if (b.getAttribute('aria-label') !== text) { b.setAttribute('aria-label', text); }
}
function apply(){
  const w = window.__bpaUploadNames;
  document.querySelectorAll("[data-testid='stFileUploaderDropzone'] button").forEach(function(b){
    if (b.closest("[data-testid='stFileChipDeleteBtn']")) { name(b, w.remove); }
    else { name(b, w.choose); }  // "Browse files", and "Add files" once a file is chosen
  });
}
window.__bpaUploadApply = apply;
window.__bpaUploadObserver = new MutationObserver(function(){ apply(); });
window.__bpaUploadObserver.observe(document.body, {childList: true, subtree: true,
  attributes: true, attributeFilter: ['aria-label']});
apply();
})();</script>"""


def name_uploader_button() -> None:
    """Give the uploader's buttons their accessible names in the session's language (see
    ``uploader_style``): the add button (before and after a file is chosen) "Choose file", the
    chosen file's × "Remove the file". Watched, since Streamlit draws the buttons anew. The
    texts are interface strings, JSON-encoded."""
    names = {"choose": _("Choose file"), "remove": _("Remove the file")}
    st.html(_UPLOADER_NAMES % json.dumps(names), unsafe_allow_javascript=True)


def focus_heading(heading: str, count: int) -> None:
    """Move focus to the step's h1 (after a step change focus would fall to <body>).

    Streamlit may redraw the heading just after it appears, which drops focus to <body> again:
    for a short while, focus it again whenever focus is on <body> (never taking focus from
    anything the user chose). ``heading`` is an interface string, JSON-encoded all the same.
    """
    st.html(
        "<script>(function(){"
        f"const want = {json.dumps(heading)}; let tries = 0; /* {count} */"
        "function go(){"
        "const h = Array.from(document.querySelectorAll('h1'))"
        ".find(e => e.textContent.trim().startsWith(want));"
        "const a = document.activeElement;"
        "if (h && a !== h && (!a || a === document.body || tries === 0 || !a.isConnected)) {"
        "h.setAttribute('tabindex', '-1'); h.focus(); }"
        "if (tries++ < 60) { setTimeout(go, 50); }}"
        "go();})();</script>",
        unsafe_allow_javascript=True,
    )


def step_title(step_id: str) -> str:
    return _(steps.by_id(step_id).title)


def heading(step_id: str) -> str:
    step = steps.by_id(step_id)
    if step.section == steps.Section.APPEAL:
        return _(step.title)
    return _("Step {n} of {total} – {title}").format(
        n=steps.number(step_id), total=len(steps.sequence()), title=_(step.title)
    )


def page_path(step_id: str) -> str:
    return steps.by_id(step_id).file


def switch_to(step_id: str) -> None:
    """Switch step now, keeping ?lang= in the address (one history entry per step)."""
    st.switch_page(page_path(step_id), query_params={"lang": current_language()})


def go_to(step_id: str) -> None:
    """For callbacks: switch to a step at the start of the next run."""
    st.session_state[GOTO_KEY] = step_id


def begin(step_id: str) -> None:
    """The step's h1 ("Step N of M – title"), browser title, and focus after a step change."""
    st.session_state[ERRORS_SHOWN_KEY] = 0
    downloads.leave_other_steps(step_id)
    goto = st.session_state.pop(GOTO_KEY, None)
    if goto and goto != step_id and steps.available(str(goto)):
        switch_to(str(goto))
    title = heading(step_id)
    app_name = _("Apply for BPA")
    st.set_page_config(page_title=f"{title} – {app_name}")
    st.title(title, anchor=False)
    # Again from the page: on a deep link (/week) what run() draws before the navigation does
    # not reach the browser, and <html lang> would stay "en".
    set_document_language(current_language())
    translate_streamlit_text()
    if step_id == steps.CHECK:
        st.session_state[FROM_CHECK_KEY] = True
    elif step_id == steps.RESULT:
        st.session_state[FROM_CHECK_KEY] = False
    if st.session_state.get(RETURN_KEY) == step_id:
        del st.session_state[RETURN_KEY]  # back where the review's link was followed
    # One slot whether or not focus moves: the focus script is drawn only on a step change, and
    # without the slot every element below it would shift by one on the next run. Streamlit then
    # draws each field anew, and what the user typed meanwhile was lost (seen on the week: the
    # first number typed after arriving vanished).
    with st.container():
        if st.session_state.get(SHOWN_KEY) != step_id:
            st.session_state[SHOWN_KEY] = step_id
            drop_widget_values()  # this step's fields show the Draft (bind.drop_widget_values)
            count = int(st.session_state.get(FOCUS_COUNT_KEY, 0)) + 1
            st.session_state[FOCUS_COUNT_KEY] = count
            focus_heading(title, count)
            close_sidebar_on_narrow_screen(count)


def end(step_id: str, *, next_label: str | None = None) -> None:
    """Back and next (one click each, nothing typed is lost), and the way back to the check."""
    st.divider()
    back, forward = steps.neighbours(step_id)
    if st.session_state.get(ERRORS_SHOWN_KEY):
        st.warning(
            _("Some answers above need a look. They are kept as you wrote them."),
            icon=":material/warning:",
        )
    # The buttons switch step in their callback: the next run goes straight to the new step
    # (``begin`` switches before anything is drawn) instead of first redrawing this whole step
    # and then switching, which made every "next" cost two full runs (see bench/).
    # Disabled only in the session's first run, until the tab has answered (a click then may be
    # dropped by Streamlit: bpa_ui.tab_copy.waiting_for_the_tab); a moment later they are enabled.
    waiting = tab_copy.waiting_for_the_tab()
    cols = st.columns(2)
    with cols[0]:
        if back is not None:
            st.button(
                _("Back: {title}").format(title=_(back.title)),
                key="nav_back",
                icon=":material/arrow_back:",
                on_click=go_to,
                args=(back.id,),
                disabled=waiting,
            )
    with cols[1]:
        if forward is not None:
            st.button(
                next_label or _("Next: {title}").format(title=_(forward.title)),
                key="nav_next",
                type="primary",
                icon=":material/arrow_forward:",
                on_click=go_to,
                args=(forward.id,),
                disabled=waiting,
            )
    if st.session_state.get(FROM_CHECK_KEY) and step_id not in (
        steps.CHECK,
        steps.RESULT,
        steps.START,
    ):
        st.button(
            _("Back to check your answers"),
            key="nav_check",
            on_click=go_to,
            args=(steps.CHECK,),
        )
    with st.container():  # one slot whether or not there is a page to go back to
        back_to = st.session_state.get(RETURN_KEY)
        if back_to and back_to != step_id and steps.available(str(back_to)):
            st.button(
                _("Back to: {title}").format(title=step_title(str(back_to))),
                key="nav_return",
                on_click=go_to,
                args=(str(back_to),),
            )


def language_switch(key: str = "language_choice", *, horizontal: bool = True) -> None:
    """The language of the interface (per session); answers are never touched."""
    lang = current_language()
    st.session_state[key] = lang

    def apply() -> None:
        chosen = st.session_state.get(key)
        if chosen in languages.codes():
            set_language(str(chosen))
            tab_copy.language_chosen()

    st.radio(
        _("Language"),
        list(languages.codes()),
        key=key,
        format_func=language_name,
        horizontal=horizontal,
        on_change=apply,
    )


def _delete() -> None:
    delete_everything()
    st.session_state[DELETED_KEY] = True
    go_to(steps.START)


def save_button(key: str, *, primary: bool = False) -> None:
    """ "Save my answers (file)": a link served by the app to this session only, the file made
    from the answers when it is fetched and never stored (see bpa_ui/downloads.py)."""
    downloads.save_link(key, primary=primary)


CONFIRM_DELETE_KEY = "confirm_delete"


def _ask_delete(asking: bool) -> None:
    st.session_state[CONFIRM_DELETE_KEY] = asking


def _keep_answers() -> None:
    _ask_delete(False)


def sidebar() -> None:
    with st.sidebar:
        language_switch(horizontal=False)
        st.divider()
        save_button("save_sidebar")
        st.button(
            _("Delete everything"),
            key="delete_everything",
            on_click=_ask_delete,
            args=(True,),
            icon=":material/delete:",
            help=_("Removes all answers from this browser tab, after you confirm."),
        )


def confirm_delete() -> None:
    """After "Delete everything" in the sidebar: ask in a modal dialog, which opens in view and
    takes focus wherever the user is (a question drawn in the sidebar fell below the screen).
    One click never deletes; closing the dialog (X, Escape, outside) keeps the answers."""
    if not st.session_state.get(CONFIRM_DELETE_KEY):
        return

    @st.dialog(_("Delete everything?"), on_dismiss=_keep_answers)
    def ask() -> None:
        st.warning(
            _("Delete all answers in this tab? Save them first if you need them."),
            icon=":material/warning:",
        )
        if st.button(
            _("Yes, delete everything now"), key="delete_everything_confirm", type="primary"
        ):
            _delete()
            st.rerun()
        if st.button(_("No, keep my answers"), key="delete_everything_cancel"):
            _keep_answers()
            st.rerun()

    ask()


# The pages of the navigation, built once per language in this process (titles from the static
# catalogs, nothing of a user): building them was about a fifth of every run. Each run gets
# copies, since st.navigation marks the pages it returns (which may run, which is the default)
# and sessions run at the same time.
_PAGES: dict[str, list[st.Page]] = {}


def _build_pages() -> list[st.Page]:
    pages = []
    sequence = steps.sequence()
    for i, step in enumerate(sequence, start=1):
        pages.append(
            st.Page(
                step.file,
                title=f"{i}. {_(step.title)}",
                url_path=step.id,
                default=step.id == steps.START,
            )
        )
    appeal = steps.by_id("appeal")
    if appeal.exists:
        pages.append(st.Page(appeal.file, title=_(appeal.title), url_path=appeal.id))
    return pages


def _pages(lang: str) -> list[st.Page]:
    built = _PAGES.get(lang)
    if built is None:
        built = _PAGES[lang] = _build_pages()
    return [copy.copy(page) for page in built]


def run() -> None:
    lang = begin_run()
    tab_copy.count_run()
    st.set_page_config(page_title="BPA-veiviser", page_icon="♿", layout="centered")
    # Every step in the sidebar, the result, documents and appeal too: no "View 5 more" (in
    # English only, and it hid them).
    page = st.navigation(_pages(lang), position="sidebar", expanded=True)
    # After "next" or "back" (a callback set the step to go to): switch before drawing anything,
    # so the step being left is not drawn again first (see bench/). The step's begin() clears
    # it: a run for another page coming in before that one began (the tab copy's first answer)
    # switches again instead of undoing the "next".
    goto = st.session_state.get(GOTO_KEY)
    if goto and goto != (page.url_path or steps.START) and steps.available(str(goto)):
        switch_to(str(goto))
    set_document_language(lang)
    st.html(STYLE + downloads.LINK_STYLE + uploader_style())
    sidebar()
    tab_copy.notice(page.url_path or steps.START)
    try:
        page.run()
    except Exception as exc:  # never a traceback, never the user's text in a log
        show_friendly_error(exc)
    tab_copy.keep()  # after the page: the answers of now, as the page left them
    confirm_delete()  # last in the page: drawn or not, it moves no element above it
