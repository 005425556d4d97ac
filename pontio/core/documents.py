"""Documents people download: accessible PDFs drawn from HTML templates by WeasyPrint, and Word
files written with python-docx, in the active language. Shared by the meeting pack and briefs."""

import io
from collections.abc import Callable
from typing import Any, Protocol

from django.http import HttpResponse
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

# The MIME type of a Word document.
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Given a URL the PDF asks for, the file's bytes and MIME type; raises to refuse it.
Serve = Callable[[str], tuple[bytes, str]]
# Given an image's address and alt text in Markdown, its bytes and the description to give
# it; None leaves the alt text in the image's place.
Picture = Callable[[str, str], tuple[bytes, str] | None]


class PdfUnavailable(Exception):
    """WeasyPrint cannot run: the Pango library it draws text with is missing."""


class Refused(ValueError):
    """A PDF asked for a file it may not have."""


class PdfWriter(Protocol):
    def __call__(
        self, html: str, *, base_url: str | None = None, serve: Serve | None = None
    ) -> bytes:
        """A tagged PDF/UA-1 document from the HTML, its title and language taken from the
        HTML's <title> and <html lang>. Relative URLs resolve against `base_url`; every URL
        goes to `serve`, and with no `serve` nothing is fetched, local or remote."""
        ...


def pdf_writer() -> PdfWriter:
    """WeasyPrint, loaded when a PDF is asked for, so that Pontio runs where Pango is missing
    (only PDFs are then unavailable, and say so)."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
        from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]
    except OSError as error:
        raise PdfUnavailable(str(error)) from error

    class Fetcher(URLFetcher):  # type: ignore[misc]
        """Hands each URL to `serve`; WeasyPrint's own fetching (files, the web) never runs."""

        def __init__(self, serve: Serve | None) -> None:
            super().__init__()
            self.serve = serve

        def fetch(self, url: str, headers: Any = None) -> Any:
            if self.serve is None:
                raise Refused(f"This document fetches nothing: {url}")
            body, content_type = self.serve(url)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def write(html: str, *, base_url: str | None = None, serve: Serve | None = None) -> bytes:
        document = HTML(string=html, base_url=base_url, url_fetcher=Fetcher(serve))
        pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
        return pdf

    return write


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """The document as a download, saved under `filename` (made of ASCII letters, digits and
    dashes by the caller, as slugify gives)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_footer_css() -> str:
    """The footer's "Page 2 of 5" as a CSS `content` value, translated as one sentence."""
    words = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    parts = []
    for part in words.split("\0"):
        if part in ("page", "pages"):
            parts.append(f"counter({part})")
        elif part:
            parts.append(_css_string(part))
    return " ".join(parts)


def _set_docx_language(document: DocxDocument, language: str) -> None:
    """Word reads the language of text (for spelling and speech) from the default run style."""
    tag = f"{language}-GB"
    document.core_properties.language = tag
    run_defaults = document.styles.element.find(qn("w:docDefaults"))
    if run_defaults is None:
        return
    run_properties = run_defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if run_properties is None:
        return
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    lang.set(qn("w:val"), tag)


def new_docx(*, title: str, subject: str, author: str, language: str) -> DocxDocument:
    """An empty A4 Word document with its title, subject, author and language ("en" or "cy")
    set, in a plain sans-serif font."""
    document = Document()
    document.core_properties.title = title
    document.core_properties.subject = subject
    document.core_properties.author = author
    _set_docx_language(document, language)
    document.styles["Normal"].font.name = "Arial"
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    return document


def docx_bytes(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_table(document: DocxDocument, headers: list[str], rows: list[list[str]]) -> None:
    """A table whose first row is marked as its header, repeated on each page."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    header = table.rows[0]
    row_properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_properties.append(repeat)
    for cell, text in zip(header.cells, headers, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text


_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def _content_width(document: DocxDocument) -> Length:
    section = document.sections[-1]
    width = (
        (section.page_width or Cm(21)) - (section.left_margin or 0) - (section.right_margin or 0)
    )
    return Length(width)


def _add_inline(
    document: DocxDocument, paragraph: Paragraph, token: Token, picture: Picture | None
) -> None:
    """The runs of one Markdown paragraph: bold, italics, code, links (their address after
    them) and pictures (their alt text as Word's description, read out by screen readers)."""
    bold = italic = False
    href = ""
    for child in token.children or []:
        kind = child.type
        if kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            if href.startswith(("http://", "https://")):
                paragraph.add_run(f" ({href})")
            href = ""
        elif kind in ("softbreak", "hardbreak"):
            if kind == "hardbreak":
                paragraph.add_run().add_break()
            else:
                paragraph.add_run(" ")
        elif kind == "image":
            found = picture(str(child.attrs.get("src", "")), child.content) if picture else None
            if found is None:
                paragraph.add_run(child.content)
                continue
            data, description = found
            shape = paragraph.add_run().add_picture(io.BytesIO(data))
            widest = _content_width(document)
            if shape.width > widest:
                shape.height = Length(int(shape.height * widest / shape.width))
                shape.width = widest
            shape._inline.docPr.set("descr", description)
        elif kind in ("text", "code_inline"):
            run = paragraph.add_run(child.content)
            run.bold, run.italic = bold or None, italic or None
            if kind == "code_inline":
                run.font.name = "Courier New"


def docx_markdown(
    document: DocxDocument, text: str, *, top_heading: int = 2, picture: Picture | None = None
) -> None:
    """Markdown written into the document as Word paragraphs, headings, lists and quotes (raw
    HTML stays text, as on the web). Its first-level heading becomes `top_heading`."""
    lists: list[str] = []  # "Bullet" or "Number", one for each list the text is inside
    quoted = 0
    heading = 0
    first_in_item = False
    for token in _MARKDOWN.parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append("Bullet" if kind == "bullet_list_open" else "Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            first_in_item = True
        elif kind == "blockquote_open":
            quoted += 1
        elif kind == "blockquote_close":
            quoted -= 1
        elif kind == "heading_open":
            heading = min(int(token.tag[1:]) + top_heading - 1, 9)
        elif kind == "inline":
            if heading:
                paragraph = document.add_heading("", level=heading)
                heading = 0
            elif lists and first_in_item:
                depth = f" {len(lists)}" if 1 < len(lists) <= 3 else ""
                paragraph = document.add_paragraph(style=f"List {lists[-1]}{depth}")
                first_in_item = False
            elif quoted:
                paragraph = document.add_paragraph(style="Quote")
            else:
                paragraph = document.add_paragraph()
            _add_inline(document, paragraph, token, picture)
        elif kind in ("fence", "code_block"):
            paragraph = document.add_paragraph()
            paragraph.add_run(token.content.rstrip("\n")).font.name = "Courier New"
