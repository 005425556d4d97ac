"""Forms of the agenda: raising or editing a question, supporting it, and the brokers' triage."""

import re
import secrets
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.accounts.models import Language
from pontio.core.forms import Form
from pontio.library.forms import TopicField
from pontio.organisations.models import Organisation, Team
from pontio.taxonomy.models import Priority

from .models import Affected, Question, State, SupporterGroup
from .services import MIN_QUESTION_LENGTH

TOO_SHORT = _("Your question must be %(min)s characters or more, so that others can follow it")


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


class QuestionForm(Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One question that research could answer. For example: what helps children looked "
            "after stay in the same school when their placement changes?"
        ),
        error_messages={"required": _("Enter your question")},
    )
    why = forms.CharField(
        label=_("Why it matters for children and families"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What difference an answer would make in practice."),
    )
    language = forms.ChoiceField(
        label=_("Which language are you writing in?"),
        choices=Language.choices,
        widget=forms.RadioSelect,
        initial=Language.ENGLISH,
    )
    affects = forms.MultipleChoiceField(
        label=_("Who it affects"),
        choices=Affected.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = TopicField()
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        required=False,
        empty_label=_("No team"),
    )
    priority = forms.ModelChoiceField(
        label=_("Strategic priority it serves"),
        queryset=Priority.objects.none(),
        required=False,
        empty_label=_("None or not sure"),
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, person: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field: Any = self.fields["team"]
        team_field.queryset = Team.objects.filter(
            organisation=organisation, memberships__person=person, is_active=True
        ).distinct()
        priority_field: Any = self.fields["priority"]
        priority_field.queryset = Priority.objects.filter(organisation=organisation, is_active=True)

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if len(text) < MIN_QUESTION_LENGTH:
            raise forms.ValidationError(TOO_SHORT % {"min": MIN_QUESTION_LENGTH})
        return text


class SupportForm(Form):
    reason = forms.CharField(
        label=_("Why you support it (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Knowledge brokers read your reason, but never with your name."),
    )


class MoveForm(Form):
    state = forms.ChoiceField(label=_("Move it to"), choices=(), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, states: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        state_field: Any = self.fields["state"]
        state_field.choices = states


def _optional_text(label: Any, max_length: int) -> forms.CharField:
    """An optional text area of three rows (the wording of a question or why it matters)."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RephraseForm(Form):
    text_en = _optional_text(_("The question in English"), 2000)
    text_cy = _optional_text(_("The question in Welsh"), 2000)
    why_en = _optional_text(_("Why it matters, in English"), 4000)
    why_cy = _optional_text(_("Why it matters, in Welsh"), 4000)
    reason = forms.CharField(
        label=_("What you changed and why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The author is told this."),
        error_messages={"required": _("Say what you changed and why")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("text_en", "text_cy"):
            text = (data.get(name) or "").strip()
            if text and len(text) < MIN_QUESTION_LENGTH:
                self.add_error(name, TOO_SHORT % {"min": MIN_QUESTION_LENGTH})
        if not (data.get("text_en") or "").strip() and not (data.get("text_cy") or "").strip():
            self.add_error("text_en", _("Write the question in English, in Welsh or in both"))
        return data


class ReasonForm(Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter a reason")},
    )

    def __init__(self, *args: Any, label: Any = None, help_text: Any = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        self.fields["reason"].help_text = help_text


def numbers_in(text: str, kind: str) -> list[int]:
    """Numbers of records ("records") or questions ("questions") typed as numbers or pasted as
    their addresses in Pontio, in the order given."""
    numbers = []
    for token in re.split(r"[\s,;]+", text.strip()):
        found = re.search(rf"/{kind}/(\d+)", token)
        if found:
            numbers.append(int(found.group(1)))
        elif token.isdecimal():
            numbers.append(int(token))
    return numbers[:20]


class AnsweredForm(Form):
    records = forms.TypedMultipleChoiceField(
        label=_("Research that may answer it"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=(),
    )
    other_records = forms.CharField(
        label=_("Other records"),
        required=False,
        max_length=500,
        help_text=_(
            "The addresses of records in the library, or their numbers, separated by spaces."
        ),
    )
    reason = forms.CharField(
        label=_("Note for the people who follow it (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, candidates: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        records_field: Any = self.fields["records"]
        records_field.choices = [
            (r.pk, f"{r.title} ({r.year})" if r.year else r.title) for r in candidates
        ]
        if not candidates:
            del self.fields["records"]

    def chosen_numbers(self) -> list[int]:
        chosen = list(self.cleaned_data.get("records") or [])
        return chosen + numbers_in(self.cleaned_data.get("other_records") or "", "records")


class MergeForm(Form):
    into = forms.TypedChoiceField(
        label=_("Merge it into"),
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        choices=(),
    )
    other = forms.CharField(
        label=_("Or another question"),
        required=False,
        max_length=200,
        help_text=_("The address of the question that stays, or its number."),
    )
    reason = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, candidates: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        into_field: Any = self.fields["into"]
        into_field.choices = [(q.pk, q.text) for q in candidates]
        if not candidates:
            del self.fields["into"]

    def target_number(self) -> int | None:
        typed = numbers_in(self.cleaned_data.get("other") or "", "questions")
        if typed:
            return typed[-1]
        chosen = self.cleaned_data.get("into")
        return int(chosen) if chosen else None


class QuestionChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Questions as checkboxes, each labelled with its text in the reader's language."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.text)


class RoundForm(Form):
    title_en = forms.CharField(label=_("Title in English"), required=False, max_length=200)
    title_cy = forms.CharField(label=_("Title in Welsh"), required=False, max_length=200)
    shortlist = QuestionChoices(
        label=_("Questions on the shortlist"),
        queryset=Question.objects.none(),
        error_messages={"required": _("Choose at least one shortlisted question")},
    )
    groups = forms.MultipleChoiceField(
        label=_("Who may vote"),
        choices=SupporterGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one group who may vote")},
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Only these teams (optional)"),
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to ask the whole organisation."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Also ask these organisations (optional)"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their members vote as partners, so tick Partners above too."),
    )
    picks = forms.IntegerField(
        label=_("How many questions each person picks"), min_value=1, max_value=50, initial=10
    )
    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("The round opens now. Results are shown once it closes."),
        error_messages={"required": _("Enter when the round closes")},
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shortlist: Any = self.fields["shortlist"]
        shortlist.queryset = Question.objects.current().filter(
            organisation=organisation, state=State.SHORTLISTED
        )
        teams: Any = self.fields["teams"]
        teams.queryset = Team.objects.filter(organisation=organisation, is_active=True)
        partners: Any = self.fields["partners"]
        partners.queryset = Organisation.objects.active().exclude(pk=organisation.pk)
        if not teams.queryset.filter(lived_experience=True).exists():
            # The organisation does not record lived experience: nobody would be in that group.
            groups: Any = self.fields["groups"]
            groups.choices = [
                c for c in SupporterGroup.choices if c[0] != SupporterGroup.LIVED_EXPERIENCE
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title_en", "").strip() and not data.get("title_cy", "").strip():
            self.add_error("title_en", _("Give the round a title in English or Welsh"))
        if data.get("partners") and SupporterGroup.PARTNER not in data.get("groups", []):
            self.add_error("groups", _("Tick Partners to let the organisations you ask vote"))
        return data


class BallotPickForm(Form):
    questions = QuestionChoices(
        label=_("Choose the questions that matter most"),
        queryset=Question.objects.none(),
        error_messages={"required": _("Choose at least one question")},
    )

    def __init__(self, *args: Any, round: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.picks = round.picks
        field: Any = self.fields["questions"]
        field.queryset = round.shortlist.order_by("pk")
        field.help_text = _("Choose up to %(n)s. You put them in order next.") % {"n": round.picks}

    def clean_questions(self) -> Any:
        chosen = self.cleaned_data["questions"]
        if len(chosen) > self.picks:
            raise forms.ValidationError(_("Choose %(n)s questions or fewer") % {"n": self.picks})
        return chosen


class BallotOrderForm(Form):
    """A place for each chosen question (1 is the most important), each place used once."""

    def __init__(self, *args: Any, questions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        places = [(str(i), str(i)) for i in range(1, len(questions) + 1)]
        for question in questions:
            self.fields[f"place_{question.pk}"] = forms.ChoiceField(
                label=question.text, choices=places
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        places = [data.get(f"place_{q.pk}") for q in self.questions]
        if None not in places and len(set(places)) != len(places):
            raise forms.ValidationError(_("Give each question a different place"))
        return data

    def ordered_ids(self) -> list[int]:
        by_place = sorted(self.questions, key=lambda q: int(self.cleaned_data[f"place_{q.pk}"]))
        return [q.pk for q in by_place]
