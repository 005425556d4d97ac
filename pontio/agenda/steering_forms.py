"""Forms of the steering group: the final workshop's order, meetings, their agenda items,
decisions and actions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.accounts.models import Person
from pontio.core.forms import Form

from .forms import QuestionChoices
from .models import ItemKind, Outcome, Question
from .workshop import has_moved

DATE_TIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class WorkshopForm(Form):
    """A place for every question of the round, and a reason for each that moved from the
    place the ballots gave it."""

    def __init__(
        self,
        *args: Any,
        questions: list[Question],
        ballot_places: dict[int, tuple[int, int]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.ballot_places = ballot_places
        places = [(str(i), str(i)) for i in range(1, len(questions) + 1)]
        for question in questions:
            self.fields[f"place_{question.pk}"] = forms.ChoiceField(
                label=_("Agreed place"), choices=places
            )
            self.fields[f"reason_{question.pk}"] = forms.CharField(
                label=_("Why it moved"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[tuple[Question, tuple[int, int] | None, Any, Any]]:
        """(question, its ballot place, its place field, its reason field) for the template."""
        return [
            (q, self.ballot_places.get(q.pk), self[f"place_{q.pk}"], self[f"reason_{q.pk}"])
            for q in self.questions
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        places = [data.get(f"place_{q.pk}") for q in self.questions]
        if None in places:
            return data
        if len(set(places)) != len(places):
            raise forms.ValidationError(_("Give each question a different place"))
        for question in self.questions:
            ballot = self.ballot_places.get(question.pk)
            place = int(data[f"place_{question.pk}"])
            if has_moved(place, ballot) and not data.get(f"reason_{question.pk}"):
                self.add_error(
                    f"reason_{question.pk}",
                    _("Say why it moved from place %(ballot)s to %(place)s")
                    % {"ballot": ballot[0] if ballot else "", "place": place},
                )
        return data

    def places(self) -> dict[int, int]:
        return {q.pk: int(self.cleaned_data[f"place_{q.pk}"]) for q in self.questions}

    def reasons(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"reason_{q.pk}", "") for q in self.questions}


class MeetingForm(Form):
    title_en = forms.CharField(label=_("Title in English"), required=False, max_length=200)
    title_cy = forms.CharField(label=_("Title in Welsh"), required=False, max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=DATE_TIME,
        error_messages={"required": _("Enter the date and time of the meeting")},
    )
    place = forms.CharField(
        label=_("Where"),
        required=False,
        max_length=200,
        help_text=_("A room, or a link to join online."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title_en", "").strip() and not data.get("title_cy", "").strip():
            self.add_error("title_en", _("Give the meeting a title in English or Welsh"))
        return data


class ItemForm(Form):
    kind = forms.ChoiceField(
        label=_("What it is"),
        choices=ItemKind.choices,
        widget=forms.RadioSelect,
        initial=ItemKind.QUESTION,
    )
    question = forms.ModelChoiceField(
        label=_("The question"),
        queryset=Question.objects.none(),
        required=False,
        empty_label=_("Choose a question"),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=300,
        help_text=_("For a project, a decision or anything else: what the item is about."),
    )
    note = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, questions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        question: Any = self.fields["question"]
        question.queryset = questions

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ItemKind.QUESTION and not data.get("question"):
            self.add_error("question", _("Choose the question"))
        if data.get("kind") not in (None, ItemKind.QUESTION) and not data.get("title"):
            self.add_error("title", _("Enter what the item is about"))
        return data


class DecisionForm(Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    questions = QuestionChoices(
        label=_("The questions it is about"),
        queryset=Question.objects.none(),
        error_messages={"required": _("Choose at least one question")},
    )
    commissions = forms.CharField(
        label=_("What is commissioned"),
        required=False,
        max_length=300,
        help_text=_("For a decision to commission: the research or project, in a few words."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to defer or reject: the author and followers are told it."),
    )

    def __init__(self, *args: Any, questions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["questions"]
        field.queryset = questions

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if outcome == Outcome.COMMISSION and not data.get("commissions", "").strip():
            self.add_error("commissions", _("Say what is commissioned"))
        if outcome in (Outcome.DEFER, Outcome.REJECT) and not data.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for the decision"))
        return data


class FollowUpForm(Form):
    text = forms.CharField(
        label=_("Action"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the action")},
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=Person.objects.none(),
        empty_label=_("Choose who owns it"),
        error_messages={"required": _("Choose who owns the action")},
    )
    due_on = forms.DateField(
        label=_("Due"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Enter when it is due")},
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner: Any = self.fields["owner"]
        owner.queryset = people
        owner.label_from_instance = lambda person: person.name or person.email
