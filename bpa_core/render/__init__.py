"""Renderers of the neutral Document: the PDF (``pdf``) and file names (``names``).

ReportLab is imported only by ``bpa_core.render.pdf``, so ``import bpa_core`` stays light.
"""
