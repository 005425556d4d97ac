"""The steering group's meeting pack, as a PDF and as a Word document."""

import datetime as dt
import io
from typing import Any

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from pypdf import PdfReader

from pontio.agenda import services
from pontio.agenda.models import AgendaItem, Decision, FollowUp, ItemKind, Meeting, Outcome
from pontio.agenda.pack import pack_contents, pack_docx, pack_pdf

from .helpers import make_question

QUESTION = "What helps children looked after stay in the same school?"
OTHER_QUESTION = "Do family group conferences reduce care proceedings?"
REASON = "Already answered by the national evaluation"


def make_meeting(organisation: Any, **fields: Any) -> Meeting:
    return Meeting.objects.create(
        organisation=organisation,
        title_en=fields.pop("title_en", "Steering group, spring meeting"),
        title_cy=fields.pop("title_cy", "Grŵp llywio, cyfarfod y gwanwyn"),
        starts_at=fields.pop("starts_at", timezone.make_aware(dt.datetime(2027, 3, 4, 10, 0))),
        place=fields.pop("place", "Council Chamber, Caerwen"),
        **fields,
    )


@pytest.fixture
def meeting(council: Any, social_worker: Any, champion: Any, steering_member: Any) -> Meeting:
    question = make_question(social_worker, QUESTION)
    other = make_question(social_worker, OTHER_QUESTION)
    services.question_support(person=champion, question=question)
    services.question_support(person=social_worker, question=question)
    meeting = make_meeting(council)
    AgendaItem.objects.create(
        meeting=meeting, position=1, kind=ItemKind.QUESTION, question=question
    )
    AgendaItem.objects.create(
        meeting=meeting, position=2, kind=ItemKind.OTHER, title="Any other business"
    )
    commission = Decision.objects.create(
        meeting=meeting,
        outcome=Outcome.COMMISSION,
        commissions="A rapid evidence review of school stability",
        decided_by=steering_member,
    )
    commission.questions.add(question)
    reject = Decision.objects.create(
        meeting=meeting, outcome=Outcome.REJECT, reason=REASON, decided_by=steering_member
    )
    reject.questions.add(other)
    FollowUp.objects.create(
        meeting=meeting,
        text="Write to the university about the review",
        owner=steering_member,
        due_on=dt.date(2027, 4, 1),
    )
    return meeting


def pdf_text(reader: PdfReader) -> str:
    # Text extraction breaks lines where the layout wraps them; compare words, not lines.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_it_gathers_the_meeting_for_the_pack(meeting: Meeting) -> None:
    pack = pack_contents(meeting)

    assert pack.title == "Steering group, spring meeting"
    assert pack.organisation == "Caerwen Council"
    assert pack.language == "en"
    first, second = pack.items
    assert (first.number, first.title, first.state, first.supporters) == (
        1,
        QUESTION,
        "Submitted",
        2,
    )
    assert (second.title, second.supporters, second.is_question) == (
        "Any other business",
        None,
        False,
    )
    assert [d.outcome_label for d in pack.decisions] == ["Commission research", "Reject"]
    assert [q.text for q in pack.decisions[1].questions] == [OTHER_QUESTION]
    assert pack.decisions[1].reason == REASON
    [action] = pack.actions
    assert (action.owner, action.due_on, action.done) == ("Gwen Lloyd", dt.date(2027, 4, 1), False)


def test_it_writes_a_tagged_pdf_with_title_and_language(meeting: Meeting) -> None:
    with translation.override("en"):
        pdf = pack_pdf(meeting)

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = pdf_text(reader)
    assert "Steering group, spring meeting" in text
    assert QUESTION in text
    assert OTHER_QUESTION in text
    assert "A rapid evidence review of school stability" in text
    assert REASON in text
    assert "Gwen Lloyd" in text
    assert "Page 1 of 1" in text
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    assert reader.metadata is not None
    assert reader.metadata.title == "Steering group, spring meeting"


def test_it_writes_the_pdf_in_welsh_for_a_welsh_reader(meeting: Meeting) -> None:
    with translation.override("cy"):
        pdf = pack_pdf(meeting)

    reader = PdfReader(io.BytesIO(pdf))
    assert "Grŵp llywio, cyfarfod y gwanwyn" in pdf_text(reader)
    assert reader.metadata is not None
    assert reader.metadata.title == "Grŵp llywio, cyfarfod y gwanwyn"
    assert reader.trailer["/Root"]["/Lang"] == "cy"


def test_it_falls_back_to_the_english_title_when_there_is_no_welsh(council: Any) -> None:
    meeting = make_meeting(council, title_cy="")

    with translation.override("cy"):
        assert pack_contents(meeting).title == "Steering group, spring meeting"


def test_it_writes_a_word_document(meeting: Meeting) -> None:
    with translation.override("en"):
        document = docx.Document(io.BytesIO(pack_docx(meeting)))

    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "Steering group, spring meeting"),
        ("Heading 2", "Agenda"),
        ("Heading 2", "Decisions"),
        ("Heading 2", "Actions"),
    ]
    agenda = [p.text for p in document.paragraphs if p.style and p.style.name == "List Number"]
    assert agenda == [f"{QUESTION} (Submitted; 2 supporters)", "Any other business"]
    decisions, actions = document.tables
    rows = [[cell.text for cell in row.cells] for row in decisions.rows]
    assert rows == [
        ["Decision", "Questions", "What is commissioned", "Reason"],
        ["Commission research", QUESTION, "A rapid evidence review of school stability", ""],
        ["Reject", OTHER_QUESTION, "", REASON],
    ]
    action_rows = [[cell.text for cell in row.cells] for row in actions.rows]
    assert action_rows[0] == ["Action", "Owner", "Due", "Done"]
    assert action_rows[1][:2] == ["Write to the university about the review", "Gwen Lloyd"]
    assert action_rows[1][3] == "Not yet"
    assert document.core_properties.title == "Steering group, spring meeting"
    assert document.core_properties.language == "en-GB"


def test_it_writes_the_word_document_in_welsh_for_a_welsh_reader(meeting: Meeting) -> None:
    with translation.override("cy"):
        document = docx.Document(io.BytesIO(pack_docx(meeting)))

    assert document.core_properties.title == "Grŵp llywio, cyfarfod y gwanwyn"
    assert document.paragraphs[0].text == "Grŵp llywio, cyfarfod y gwanwyn"
    assert document.core_properties.language == "cy-GB"


def test_it_writes_a_pack_for_a_meeting_with_nothing_recorded(council: Any) -> None:
    meeting = make_meeting(council)

    with translation.override("en"):
        assert pack_pdf(meeting).startswith(b"%PDF")
        document = docx.Document(io.BytesIO(pack_docx(meeting)))

    texts = [p.text for p in document.paragraphs]
    assert "Nothing is on the agenda yet." in texts
    assert "No decisions have been recorded." in texts
    assert "No actions have been agreed." in texts
    assert document.tables == []


def queries_for_pack(meeting: Meeting) -> int:
    meeting = Meeting.objects.get(pk=meeting.pk)
    with CaptureQueriesContext(connection) as queries:
        pack_contents(meeting)
    return len(queries)


def add_questions(meeting: Meeting, person: Any, supporter: Any, n: int, start: int) -> None:
    for position in range(start, start + n):
        question = make_question(person, f"Question number {position} about kinship care?")
        services.question_support(person=supporter, question=question)
        AgendaItem.objects.create(
            meeting=meeting, position=position, kind=ItemKind.QUESTION, question=question
        )
        decision = Decision.objects.create(
            meeting=meeting, outcome=Outcome.DEFER, reason=f"Waiting for round {position}"
        )
        decision.questions.add(question)
        FollowUp.objects.create(
            meeting=meeting, text="Chase", owner=supporter, due_on=dt.date(2027, 4, position)
        )


def test_its_queries_do_not_grow_with_the_agenda(
    council: Any, social_worker: Any, champion: Any
) -> None:
    meeting = make_meeting(council)
    add_questions(meeting, social_worker, champion, 1, start=1)
    with_one = queries_for_pack(meeting)
    add_questions(meeting, social_worker, champion, 4, start=2)

    assert queries_for_pack(meeting) == with_one
    assert with_one <= 6
