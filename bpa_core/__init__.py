"""BPA-veiviser core: the draft of answers, the BPA rules, documents and their rendering.

Pure Python: nothing here imports streamlit (a test enforces it), and nothing here keeps a user's
answers anywhere but in the values it is handed and returns. ReportLab is imported only when a PDF
is rendered, so `import bpa_core` stays fast.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
