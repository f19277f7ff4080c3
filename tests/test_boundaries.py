"""The architecture's boundaries: the core never imports streamlit, and stays light to import."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support import ROOT

CORE = ROOT / "bpa_core"


def _imported_modules(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_in_bpa_core_imports_streamlit() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 5
    offenders = [
        str(f) for f in files if "streamlit" in _imported_modules(str(f.relative_to(ROOT)))
    ]
    assert offenders == []


def test_importing_bpa_core_loads_neither_streamlit_nor_reportlab() -> None:
    code = (
        "import sys, bpa_core, bpa_core.draft, bpa_core.rules, bpa_core.documents,"
        " bpa_core.documents.build, bpa_core.documents.appeal, bpa_core.appeal,"
        " bpa_core.deadlines, bpa_core.render.names, bpa_core.review, bpa_core.__main__;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'reportlab')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_no_gettext_install_anywhere() -> None:
    for path in [
        *ROOT.glob("*.py"),
        *(ROOT / "bpa_core").rglob("*.py"),
        *(ROOT / "bpa_ui").rglob("*.py"),
        *(ROOT / "pages").rglob("*.py"),
    ]:
        text = path.read_text(encoding="utf-8")
        assert ".install(" not in text, path
