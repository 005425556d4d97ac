"""The steering group's meeting pack: the agenda, the decisions and the actions of one meeting,
gathered once and written as an accessible PDF or as a Word document, in the active language."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pontio.core.bilingual import reader_language
from pontio.core.documents import (
    docx_bytes,
    docx_table,
    new_docx,
    page_footer_css,
    pdf_writer,
)

from .models import ItemKind, Meeting, Outcome
from .selectors import supports_by_group


@dataclass(frozen=True)
class PackQuestion:
    text: str
    lang: str  # the language the text is in, which may not be the pack's


@dataclass(frozen=True)
class PackItem:
    number: int
    kind: str  # an ItemKind value
    kind_label: str
    title: str
    lang: str
    state: str  # the question's state label, "" for items that are not questions
    supporters: int | None  # None for items that are not questions
    note: str

    @property
    def is_question(self) -> bool:
        return self.kind == ItemKind.QUESTION and self.supporters is not None


@dataclass(frozen=True)
class PackDecision:
    outcome: str  # an Outcome value
    outcome_label: str
    questions: list[PackQuestion]
    commissions: str
    reason: str


@dataclass(frozen=True)
class PackAction:
    text: str
    owner: str
    due_on: date
    done: bool


@dataclass(frozen=True)
class MeetingPack:
    title: str
    organisation: str
    starts_at: datetime
    place: str
    language: str  # a BCP 47 tag for the pack's language: "en" or "cy"
    items: list[PackItem]
    decisions: list[PackDecision]
    actions: list[PackAction]


def pack_contents(meeting: Meeting) -> MeetingPack:
    """Everything the pack shows, in at most six queries however long the agenda is."""
    items = list(meeting.items.select_related("question").order_by("position", "pk"))
    support = supports_by_group([item.question_id for item in items if item.question_id])
    decisions = list(meeting.decisions.prefetch_related("questions").order_by("created_at", "pk"))
    follow_ups = list(meeting.follow_ups.select_related("owner"))

    def pack_item(number: int, item: Any) -> PackItem:
        question = item.question
        if question is None:
            return PackItem(
                number=number,
                kind=item.kind,
                kind_label=item.get_kind_display(),
                title=item.title,
                lang=reader_language(),
                state="",
                supporters=None,
                note=item.note,
            )
        return PackItem(
            number=number,
            kind=item.kind,
            kind_label=item.get_kind_display(),
            title=item.title or question.text,
            lang=reader_language() if item.title else question.text_lang,
            state=question.get_state_display(),
            supporters=sum(support.get(question.pk, {}).values()),
            note=item.note,
        )

    return MeetingPack(
        title=meeting.title,
        organisation=meeting.organisation.name,
        starts_at=meeting.starts_at,
        place=meeting.place,
        language=reader_language(),
        items=[pack_item(number, item) for number, item in enumerate(items, start=1)],
        decisions=[
            PackDecision(
                outcome=decision.outcome,
                outcome_label=decision.get_outcome_display(),
                questions=[PackQuestion(q.text, q.text_lang) for q in decision.questions.all()],
                commissions=decision.commissions,
                reason=decision.reason,
            )
            for decision in decisions
        ],
        actions=[
            PackAction(
                text=follow_up.text,
                owner=follow_up.owner.name if follow_up.owner else "",
                due_on=follow_up.due_on,
                done=follow_up.done_at is not None,
            )
            for follow_up in follow_ups
        ],
    )


def pack_pdf(meeting: Meeting) -> bytes:
    """The pack as a tagged PDF/UA-1 document with its title and language set."""
    write = pdf_writer()
    pack = pack_contents(meeting)
    html = render_to_string("agenda/pack.html", {"pack": pack, "page_footer": page_footer_css()})
    return write(html)


def _when(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _supporters(n: int) -> str:
    return ngettext("%(n)s supporter", "%(n)s supporters", n) % {"n": n}


def pack_docx(meeting: Meeting) -> bytes:
    """The pack as a Word document, with the same headings and tables as the PDF."""
    pack = pack_contents(meeting)
    document = new_docx(
        title=pack.title,
        subject=_("Meeting pack"),
        author=pack.organisation,
        language=pack.language,
    )

    document.add_heading(pack.title, level=1)
    details = document.add_paragraph()
    details.add_run(_("Organisation: %(organisation)s") % {"organisation": pack.organisation})
    details.add_run().add_break()
    details.add_run(_("When: %(when)s") % {"when": _when(pack.starts_at)})
    if pack.place:
        details.add_run().add_break()
        details.add_run(_("Where: %(place)s") % {"place": pack.place})

    document.add_heading(_("Agenda"), level=2)
    if not pack.items:
        document.add_paragraph(_("Nothing is on the agenda yet."))
    for item in pack.items:
        line = item.title
        if item.is_question and item.supporters is not None:
            line += f" ({item.state}; {_supporters(item.supporters)})"
        elif item.kind != ItemKind.OTHER:
            line += f" ({item.kind_label})"
        if item.note:
            line += f". {item.note}"
        document.add_paragraph(line, style="List Number")

    document.add_heading(_("Decisions"), level=2)
    if pack.decisions:
        docx_table(
            document,
            [_("Decision"), _("Questions"), _("What is commissioned"), _("Reason")],
            [
                [
                    decision.outcome_label,
                    "\n".join(question.text for question in decision.questions),
                    decision.commissions if decision.outcome == Outcome.COMMISSION else "",
                    decision.reason,
                ]
                for decision in pack.decisions
            ],
        )
    else:
        document.add_paragraph(_("No decisions have been recorded."))

    document.add_heading(_("Actions"), level=2)
    if pack.actions:
        docx_table(
            document,
            [_("Action"), _("Owner"), _("Due"), _("Done")],
            [
                [
                    action.text,
                    action.owner or _("No owner"),
                    formats.date_format(action.due_on, "DATE_FORMAT"),
                    _("Done") if action.done else _("Not yet"),
                ]
                for action in pack.actions
            ],
        )
    else:
        document.add_paragraph(_("No actions have been agreed."))

    return docx_bytes(document)
