"""A brief as a PDF and as a Word document, and the team meeting pack, in English and Welsh."""

import base64
import io
import logging
from typing import Any

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PdfReader

from pontio.briefs import services
from pontio.briefs.models import Brief, BriefImage, Strength, StudyKind
from pontio.briefs.outputs import brief_docx, brief_pdf, team_pack_pdf
from pontio.core.markdown import render_markdown
from pontio.library.tests.helpers import make_record

# The few bytes of a valid 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
)
TITLE = "Keeping brothers and sisters together in care"
TITLE_CY = "Cadw brodyr a chwiorydd gyda’i gilydd mewn gofal: ŵyr, ŷd a’r âl"
MESSAGES = [
    "Brothers and sisters placed together are less likely to see their placement end.",
    "Children say that being kept together matters to them more than anything else.",
]
MESSAGES_CY = ["Mae brodyr a chwiorydd sy’n byw gyda’i gilydd yn fwy sefydlog."]
QUESTIONS = [
    "How do we decide when to place siblings apart?",
    "What would help us keep more of them together?",
]

REFERENCE = "Firmin, C. (2020). Sibling placements and stability. https://doi.org/10.1111/cfs.13001"
ALT = "A bar chart: placements lasting two years, together and apart"


def png(width: int, height: int) -> bytes:
    """A PNG of another size, to tell images apart in a PDF."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(out, format="PNG")
    return out.getvalue()


def make_brief(organisation: Any, *authors: Any, **fields: Any) -> Brief:
    brief = Brief.objects.create(
        organisation=organisation,
        title_en=fields.pop("title_en", TITLE),
        title_cy=fields.pop("title_cy", TITLE_CY),
        question_en="Does placing siblings together help them stay settled?",
        key_messages_en="\n".join(MESSAGES),
        key_messages_cy="\n".join(MESSAGES_CY),
        practice_en="Ask about **brothers and sisters** at the first visit.",
        evidence_en=fields.pop(
            "evidence_en", "# Placements\n\nStudies agree on this [@1].\n\n- Fewer moves"
        ),
        strength=Strength.GOOD,
        strength_rationale_en="Several cohort studies agree.",
        study_kinds=[StudyKind.COHORT],
        limitations_en="Most studies come from **England** and the United States.",
        discussion_en="\n".join(QUESTIONS),
        version=2,
        **fields,
    )
    brief.authors.add(*authors)
    return brief


def add_image(brief: Brief, alt: str = ALT, png: bytes = PNG) -> BriefImage:
    name = default_storage.save("briefs/images/chart.png", ContentFile(png))
    return BriefImage.objects.create(
        brief=brief, file=name, content_type="image/png", alt_en=alt, width=1, height=1
    )


@pytest.fixture
def brief(council: Any, broker: Any, social_worker: Any) -> Brief:
    brief = make_brief(council, broker)
    brief.reviewer = social_worker
    brief.save()
    record = make_record(
        broker, council, "Sibling placements and stability", doi="10.1111/cfs.13001"
    )
    services.citation_add(person=broker, brief=brief, record=record)
    return brief


def pdf_text(pdf: bytes) -> str:
    # Text extraction breaks lines where the layout wraps them; compare words, not lines.
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def pdf_images(pdf: bytes) -> list[tuple[int, int]]:
    """The sizes of the images the PDF holds (pages may share one, so each is counted once)."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found.update({image.name: image.image.size for image in page.images if image.image})
    return list(found.values())


def test_it_writes_a_tagged_pdf_with_title_and_language(brief: Brief) -> None:
    with translation.override("en"):
        pdf = brief_pdf(brief)

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    assert reader.metadata is not None
    assert reader.metadata.title == TITLE
    text = pdf_text(pdf)
    for words in [TITLE, *MESSAGES, *QUESTIONS, "Key messages", "References"]:
        assert words in text
    assert "Level 3: good evidence" in text
    assert "Firmin, C. (2020). Sibling placements and stability." in text  # APA, as cited
    assert "Studies agree on this [1]." in text
    assert "Page 1 of" in text


def test_it_writes_the_pdf_in_welsh_for_a_welsh_reader(brief: Brief) -> None:
    with translation.override("cy"):
        pdf = brief_pdf(brief)

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "cy"
    assert reader.metadata is not None
    assert reader.metadata.title == TITLE_CY
    text = pdf_text(pdf)
    assert TITLE_CY in text
    assert MESSAGES_CY[0] in text
    assert MESSAGES[0] not in text
    # The practice section has no Welsh yet, so the English is shown.
    assert "Ask about brothers and sisters at the first visit." in text


def test_the_pdf_shows_the_briefs_own_images_and_fetches_nothing_else(
    brief: Brief, council: Any, broker: Any, monkeypatch: Any, caplog: Any
) -> None:
    from weasyprint.urls import URLFetcher

    other = add_image(make_brief(council, broker, title_en="Another brief"), png=png(2, 2))
    own = add_image(brief)
    fetched: list[str] = []

    def network(self: Any, url: str, headers: Any = None) -> Any:
        fetched.append(url)
        raise OSError("no network in tests")

    monkeypatch.setattr(URLFetcher, "fetch", network)
    brief.evidence_en = (
        f"![{ALT}](/briefs/images/{own.pk}/)\n\n"
        f"![Someone else's chart](/briefs/images/{other.pk}/)\n\n"
        f"![Outside](https://example.org/briefs/images/{own.pk}/)\n\n"
        "![Elsewhere](https://example.org/chart.png)"
    )
    brief.save()

    with translation.override("en"), caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = brief_pdf(brief)

    assert pdf_images(pdf) == [(1, 1)]
    assert fetched == []
    refused = caplog.text
    assert f"/briefs/images/{other.pk}/" in refused
    assert "https://example.org/chart.png" in refused
    assert f"https://example.org/briefs/images/{own.pk}/" in refused


def test_the_pdf_has_no_image_when_the_brief_has_none(brief: Brief) -> None:
    with translation.override("en"):
        assert pdf_images(brief_pdf(brief)) == []


def test_it_writes_a_team_meeting_pack(brief: Brief) -> None:
    with translation.override("en"):
        pdf = team_pack_pdf(brief)

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata is not None
    assert reader.metadata.title == f"Team discussion pack: {TITLE}"
    text = pdf_text(pdf)
    for words in [*MESSAGES, *QUESTIONS, "What this means for practice", "Actions"]:
        assert words in text
    assert "Action Who By when" in text
    assert "What the evidence says" not in text


def test_the_team_pack_is_in_welsh_for_a_welsh_reader(brief: Brief) -> None:
    with translation.override("cy"):
        pdf = team_pack_pdf(brief)

    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "cy"
    assert TITLE_CY in pdf_text(pdf)


def word(brief: Brief, language: str = "en") -> Any:
    with translation.override(language):
        return docx.Document(io.BytesIO(brief_docx(brief)))


def test_it_writes_a_word_document(brief: Brief) -> None:
    document = word(brief)

    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", TITLE),
        ("Heading 2", "The question"),
        ("Heading 2", "Key messages"),
        ("Heading 2", "What this means for practice"),
        ("Heading 2", "What the evidence says"),
        ("Heading 3", "Placements"),
        ("Heading 2", "How strong the evidence is"),
        ("Heading 2", "Limitations and things to consider"),
        ("Heading 2", "Questions for team discussion"),
        ("Heading 2", "References"),
    ]
    by_style = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert [text for style, text in by_style if style == "List Number"] == QUESTIONS
    assert ("List Bullet", MESSAGES[0]) in by_style
    assert ("List Bullet", "Fewer moves") in by_style
    assert by_style[-1] == ("Normal", f"[1] {REFERENCE}")
    assert ("Normal", "Studies agree on this [1].") in by_style
    assert "Reviewed by: Siân Morgan" in document.paragraphs[1].text
    assert document.core_properties.title == TITLE
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.author == "Alys Jenkins"


def test_it_writes_the_word_document_in_welsh_for_a_welsh_reader(brief: Brief) -> None:
    document = word(brief, "cy")

    assert document.core_properties.title == TITLE_CY
    assert document.core_properties.language == "cy-GB"
    assert document.paragraphs[0].text == TITLE_CY
    assert MESSAGES_CY[0] in [p.text for p in document.paragraphs]


def descriptions(document: Any) -> list[str]:
    return [str(element.get("descr")) for element in document.element.body.iter(qn("wp:docPr"))]


def test_the_word_document_embeds_the_images_the_text_shows(
    brief: Brief, council: Any, broker: Any
) -> None:
    shown = add_image(brief)
    unlabelled = add_image(brief, alt="The same chart, described when it was uploaded")
    add_image(brief, alt="An image the text does not show")
    other = add_image(make_brief(council, broker, title_en="Another brief"), alt="Not ours")
    brief.evidence_en = (
        f"Before.\n\n![{ALT}](/briefs/images/{shown.pk}/)\n\n"
        f"![](/briefs/images/{unlabelled.pk}/)\n\n"
        f"![Someone else's chart](/briefs/images/{other.pk}/)"
    )
    brief.save()

    document = word(brief)

    assert descriptions(document) == [ALT, "The same chart, described when it was uploaded"]
    assert len(document.inline_shapes) == 2
    assert "Someone else's chart" in [p.text for p in document.paragraphs]


def test_a_brief_with_only_a_title_still_writes(council: Any) -> None:
    brief = Brief.objects.create(organisation=council, title_en="Just started")

    with translation.override("en"):
        assert brief_pdf(brief).startswith(b"%PDF")
        assert team_pack_pdf(brief).startswith(b"%PDF")
        document = docx.Document(io.BytesIO(brief_docx(brief)))

    assert [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"] == [
        "Just started"
    ]
    assert document.core_properties.author == "Caerwen Council"


def test_headings_moved_down_for_a_pdf_keep_their_tags() -> None:
    """In a PDF a brief's headings move down two levels: a "###" is an h5, deeper ones h6."""
    html = render_markdown("# One\n\n### Three\n\n#### Four\n\n##### Five", shift_headings=2)
    assert "<h3>One</h3>" in html and "<h5>Three</h5>" in html
    assert "<h6>Four</h6>" in html and "<h6>Five</h6>" in html
