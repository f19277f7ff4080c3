"""Show a Document on screen, and choose the document language.

Every piece of text in a Document may hold what the user typed, so it is shown as text: the
document (or a section) is one ``st.html`` element built only from escaped strings, with real
headings, paragraphs (line breaks kept), lists and tables, so it keeps its meaning for screen
readers. One element, not one per block: fewer elements for Streamlit to send and the browser to
lay out. Never ``st.markdown`` of user text. Every text goes through
``bpa_core.render.safe_text.plain_text`` first, as in the PDF: no bidi controls or zero-width
characters, so the preview reads as the letter prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _escape

import streamlit as st

from bpa_core import languages
from bpa_core.documents.model import (
    Block,
    BulletList,
    Checklist,
    Document,
    Fields,
    Heading,
    Paragraph,
    Section,
    Table,
)
from bpa_core.documents.text import long_date
from bpa_core.draft import Draft
from bpa_core.render.safe_text import plain_text
from bpa_ui.i18n import _, current_language
from bpa_ui.state import get_draft


def escape(text: str) -> str:
    """Text for HTML: invisible characters dropped (as in the PDF), then escaped."""
    return _escape(plain_text(text))


def document_language_name(code: str) -> str:
    """A documents' language by its own name, as language pickers usually show them (the
    registry's ``documents_name``: "Norsk bokmål")."""
    return languages.language(code).documents_name


_PRE = "white-space: pre-wrap; overflow-wrap: anywhere;"


def document_language(draft: Draft) -> str:
    """The documents' language: the user's choice, else the interface's language."""
    return draft.document_language_or(current_language())


DOC_LANG_KEY = "doc_lang"


def _document_language_chosen(key: str) -> None:
    get_draft().document_language = st.session_state.get(key)


def document_language_select(draft: Draft) -> str:
    """A choice of document language, apart from the interface language; kept in the draft.

    Until the user picks one, the documents follow the interface language (nothing is stored,
    so switching the interface language switches the documents too).

    The draft holds the choice, the widget's callback stores it there. With the shown language
    as the widget's default instead, every second change was lost (the default moved with the
    choice). One key per page (a widget is new on each page, and starts from the draft's value);
    the value is set only when it differs from the draft's: set on every run, a later rerun in
    Chromium brought back the value the browser held before.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    key = f"{DOC_LANG_KEY}:{ctx.page_script_hash if ctx else ''}"
    options = list(languages.codes())
    shown = document_language(draft)
    if st.session_state.get(key) != shown:
        st.session_state[key] = shown
    choice = st.selectbox(
        _("Language of the documents"),
        options,
        key=key,
        format_func=document_language_name,
        help=_("The documents can be in another language than this page."),
        on_change=_document_language_chosen,
        args=(key,),
    )
    return str(choice)


def make_pdf(documents: Document | Sequence[Document]) -> bytes | str:
    """The PDF, made by a worker process (bpa_ui/pdf_worker.py) while this run waits without
    holding up other sessions; or, if it could not be made, what to tell the user."""
    from bpa_ui import pdf_worker

    try:
        return pdf_worker.render(documents)
    except pdf_worker.PdfTimeoutError:
        return _(
            "Making the PDF took too long, so it was stopped. Your answers are kept. Very long "
            "answers can cause this: shorten the longest ones and try again."
        )
    except pdf_worker.PdfBusyError:
        return _("Many PDFs are being made right now. Wait a minute and try again.")
    except pdf_worker.PdfError:
        return _("The PDF could not be made. Your answers are kept. Try again.")


def _heading_html(text: str, level: int) -> str:
    return f'<h{level} style="{_PRE}">{escape(text)}</h{level}>'


def heading(text: str, level: int) -> None:
    st.html(_heading_html(text, level))


def _text_html(text: str) -> str:
    """Plain text as a paragraph: escaped, its line breaks kept."""
    return f'<p style="{_PRE}">{escape(text)}</p>'


def block_html(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _text_html(block.text)
    if isinstance(block, Heading):
        return _heading_html(block.text, 4)
    if isinstance(block, Fields):
        return _text_html("\n".join(f"{label}: {value}" for label, value in block.items))
    if isinstance(block, Checklist | BulletList):
        marker = "☐ " if isinstance(block, Checklist) else ""
        style = "list-style: none; padding-left: 0;" if marker else ""
        items = "".join(f'<li style="{_PRE}">{escape(marker + i)}</li>' for i in block.items)
        return f'<ul style="{style}">{items}</ul>'
    return _table_html(block)


def _table_html(table: Table) -> str:
    def cells(row: tuple[str, ...], tag: str) -> str:
        out = []
        for i, cell in enumerate(row):
            align = "right" if i in table.numeric_columns else "left"
            scope = ' scope="col"' if tag == "th" else ""
            out.append(f'<{tag}{scope} style="text-align:{align}; {_PRE}">{escape(cell)}</{tag}>')
        return "<tr>" + "".join(out) + "</tr>"

    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    body = "".join(cells(r, "td") for r in table.rows)
    foot = f"<tfoot>{cells(table.footer, 'td')}</tfoot>" if table.footer else ""
    return (
        f'<table style="width:100%; border-collapse: collapse;">{caption}'
        f"<thead>{cells(table.header, 'th')}</thead><tbody>{body}</tbody>{foot}</table>"
    )


def section_html(section: Section, number: int | None = None) -> str:
    title = section.title if number is None else f"{number}. {section.title}"
    return _heading_html(title, 3) + "".join(block_html(b) for b in section.blocks)


def show_section(section: Section, number: int | None = None) -> None:
    """One section as one element: its heading, paragraphs, lists and tables."""
    st.html(section_html(section, number))


def document_html(document: Document, *, letter: bool = False) -> str:
    """The document as it will be sent; a letter (the appeal, the request for access) with its
    letterhead and date above the title, as the PDF has them."""
    parts = []
    if letter:  # one block, as on paper: sender, addressee, then the date
        parts.append(
            _text_html("\n".join([*document.letterhead, long_date(document.dated, document.lang)]))
        )
    parts.append(_heading_html(document.title, 2))
    parts.extend(section_html(section) for section in document.sections)
    return "".join(parts)


def show_document(document: Document, *, letter: bool = False) -> None:
    """The whole document as one element (headings, lists and tables kept as such): a preview
    of 60 blocks was 60 elements for Streamlit to send and the browser to lay out."""
    st.html(document_html(document, letter=letter))
