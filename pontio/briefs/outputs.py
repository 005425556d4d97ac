"""A brief to take away from the screen: the brief as a tagged PDF and as a Word document, and a
pack for discussing it at a team meeting, all in the active language (the caller's to set)."""

import re
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pontio.core.bilingual import in_language, reader_language, shown_in
from pontio.core.documents import (
    Refused,
    Serve,
    docx_bytes,
    docx_markdown,
    new_docx,
    page_footer_css,
    pdf_writer,
)
from pontio.core.markdown import render_markdown

from .models import MARKDOWN_FIELDS, Brief, BriefImage
from .views.common import CITE

# An image in a brief's Markdown: ![alt](/briefs/images/<pk>/)
IMAGE_MARK = re.compile(r"!\[([^\]]*)\]\(\s*(/briefs/images/(\d+)/)\s*\)")
PLAIN_FIELDS = ("title", "question", "key_messages", "strength_rationale", "discussion")


def _images(brief: Brief) -> dict[str, BriefImage]:
    """The brief's images by the address a document resolves them to (relative to the site)."""
    return {
        urljoin(settings.SITE_URL, f"/briefs/images/{image.pk}/"): image
        for image in brief.images.all()
    }


def _markdown(brief: Brief, field: str, images: dict[str, BriefImage], cite: str) -> str:
    """A field's Markdown with its [@n] marks written as `cite`, and an image left without alt
    text given the description that was required when it was uploaded."""

    def alt(match: re.Match[str]) -> str:
        image = images.get(urljoin(settings.SITE_URL, match[2]))
        if match[1].strip() or image is None:
            return match[0]
        described = re.sub(r"([\\\[\]])", r"\\\1", in_language(image, "alt"))
        return f"![{described}]({match[2]})"

    return CITE.sub(cite, IMAGE_MARK.sub(alt, brief.text(field)))


def _image_bytes(image: BriefImage) -> bytes:
    with image.file.open("rb") as handle:
        data: bytes = handle.read()
    return data


def _serve_images(images: dict[str, BriefImage]) -> Serve:
    """The PDF's fetcher: this brief's own images, from storage, and nothing else."""

    def serve(url: str) -> tuple[bytes, str]:
        image = images.get(url)
        if image is None:
            raise Refused(f"Not an image of this brief: {url}")
        return _image_bytes(image), image.content_type or "application/octet-stream"

    return serve


def _people(brief: Brief) -> str:
    return ", ".join(person.name for person in brief.authors.all())


def _context(brief: Brief, images: dict[str, BriefImage]) -> dict[str, Any]:
    """What both PDF templates show."""
    cite = r"[[\1]](#ref-\1)"
    return {
        "brief": brief,
        "language": reader_language(),
        "title": brief.title,
        "langs": {field: shown_in(brief, field)[1] for field in (*PLAIN_FIELDS, *MARKDOWN_FIELDS)},
        "question": brief.text("question"),
        "strength_rationale": brief.text("strength_rationale"),
        "authors": _people(brief),
        "organisation": brief.organisation.name,
        "sections": {
            field: render_markdown(_markdown(brief, field, images, cite), shift_headings=2)
            for field in MARKDOWN_FIELDS
        },
        "references": list(brief.citations.all()),
        "page_footer": page_footer_css(),
    }


def brief_pdf(brief: Brief) -> bytes:
    """The brief as a tagged PDF/UA-1 document with its title and language set. Its images
    come from storage; any other address it names is refused, local or remote."""
    write = pdf_writer()
    images = _images(brief)
    html = render_to_string("briefs/print/brief.html", _context(brief, images))
    return write(html, base_url=settings.SITE_URL, serve=_serve_images(images))


def team_pack_pdf(brief: Brief) -> bytes:
    """A pack for a team meeting about the brief: its key messages and what it means for
    practice, its discussion questions with space for notes, and a table for actions."""
    write = pdf_writer()
    images = _images(brief)
    context = _context(brief, images)
    context["note_lines"] = range(5)
    context["action_rows"] = range(6)
    html = render_to_string("briefs/print/team_pack.html", context)
    return write(html, base_url=settings.SITE_URL, serve=_serve_images(images))


def _date(value: Any) -> str:
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "DATE_FORMAT")


def brief_docx(brief: Brief) -> bytes:
    """The brief as a Word document, with the same headings as the PDF and its images
    embedded, each described by its alt text."""
    images = _images(brief)

    def picture(src: str, alt: str) -> tuple[bytes, str] | None:
        image = images.get(urljoin(settings.SITE_URL, src))
        if image is None:
            return None
        return _image_bytes(image), alt or in_language(image, "alt")

    def markdown(field: str) -> None:
        text = _markdown(brief, field, images, r"\[\1\]")
        docx_markdown(document, text, top_heading=3, picture=picture)

    document = new_docx(
        title=brief.title,
        subject=_("Evidence brief"),
        author=_people(brief) or brief.organisation.name,
        language=reader_language(),
    )
    document.add_heading(brief.title, level=1)
    details = [
        (_("Organisation"), brief.organisation.name),
        (_("Written by"), _people(brief)),
        (_("Reviewed by"), brief.reviewer.name if brief.reviewer else ""),
        (_("Version"), str(brief.version)),
        (_("Published"), _date(brief.published_at) if brief.published_at else ""),
        (_("Review by"), _date(brief.review_by) if brief.review_by else ""),
    ]
    paragraph = document.add_paragraph()
    for label, value in (detail for detail in details if detail[1]):
        if paragraph.runs:
            paragraph.add_run().add_break()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    if brief.text("question"):
        document.add_heading(_("The question"), level=2)
        document.add_paragraph(brief.text("question"))
    if brief.key_messages:
        document.add_heading(_("Key messages"), level=2)
        for message in brief.key_messages:
            document.add_paragraph(message, style="List Bullet")
    if brief.text("practice"):
        document.add_heading(_("What this means for practice"), level=2)
        markdown("practice")
    if brief.text("evidence"):
        document.add_heading(_("What the evidence says"), level=2)
        markdown("evidence")
    if brief.strength or brief.text("strength_rationale") or brief.study_kind_labels:
        document.add_heading(_("How strong the evidence is"), level=2)
        if brief.strength:
            document.add_paragraph().add_run(brief.get_strength_display()).bold = True
        if brief.text("strength_rationale"):
            document.add_paragraph(brief.text("strength_rationale"))
        if brief.study_kind_labels:
            document.add_paragraph(_("The kinds of study behind it:"))
            for label in brief.study_kind_labels:
                document.add_paragraph(label, style="List Bullet")
    if brief.text("limitations"):
        document.add_heading(_("Limitations and things to consider"), level=2)
        markdown("limitations")
    if brief.discussion:
        document.add_heading(_("Questions for team discussion"), level=2)
        for question in brief.discussion:
            document.add_paragraph(question, style="List Number")
    citations = list(brief.citations.all())
    if citations:
        document.add_heading(_("References"), level=2)
        for citation in citations:
            document.add_paragraph(f"[{citation.position}] {citation.reference}")
    return docx_bytes(document)
