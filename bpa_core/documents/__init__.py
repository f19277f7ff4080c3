"""Documents built from a Draft: the application, the doctor's checklist, the appeal letters.

Each builder returns a neutral ``Document`` (see ``model``); renderers (the on-screen preview,
``bpa_core.render.pdf``) read the same Document.
"""
