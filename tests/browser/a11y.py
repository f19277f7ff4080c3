"""Accessibility checks shared by the browser tests: axe-core, accessible names, focus."""

from __future__ import annotations

from typing import Any

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the page, one readable line each (empty when clean)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


UNNAMED_CONTROLS_JS = """
() => {
  const controls = document.querySelectorAll(
    'input:not([type=hidden]), select, textarea, button, [role=button], [role=combobox],'
    + ' [role=checkbox], [role=radio], [role=slider], [role=switch], [role=tab], a[href]');
  const unnamed = [];
  for (const el of controls) {
    if (el.closest('[aria-hidden=true]') || el.offsetParent === null) continue;
    const labelledby = (el.getAttribute('aria-labelledby') || '').split(/\\s+/)
      .map(id => document.getElementById(id)).filter(Boolean)
      .map(n => n.textContent.trim()).join(' ');
    const labels = el.labels ? Array.from(el.labels).map(l => l.textContent.trim()).join(' ') : '';
    const name = (el.getAttribute('aria-label') || labelledby || labels || el.getAttribute('title')
      || (el.tagName === 'INPUT' ? '' : el.textContent) || '').trim();
    if (!name) unnamed.push(el.outerHTML.slice(0, 120));
  }
  return unnamed;
}
"""


def unnamed_controls(page: Any) -> list[str]:
    result: list[str] = page.evaluate(UNNAMED_CONTROLS_JS)
    return result
