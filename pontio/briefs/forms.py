"""Forms of the briefs app: starting a brief, the editor (both languages side by side), review,
comments, feedback and images."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.accounts.models import Person
from pontio.agenda.models import Question
from pontio.core.forms import Form
from pontio.library.forms import TopicField
from pontio.library.models import Visibility
from pontio.taxonomy.models import Priority

from .models import Audience, Format, Strength, StudyKind

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}

# The editor's text fields: (name, label, help, rows). Each has an English and a Welsh box.
TEXTS: list[tuple[str, Any, Any, int]] = [
    ("title", _("Title"), "", 1),
    ("question", _("The practice question it answers"), "", 2),
    (
        "key_messages",
        _("Key messages"),
        _("3 to 5 short sentences, one per line. Readers see these first."),
        5,
    ),
    ("practice", _("What this means for practice"), _("Markdown: **bold**, - lists."), 6),
    (
        "evidence",
        _("What the evidence says"),
        _("Markdown. Cite a reference from the list below with [@number], for example [@1]."),
        12,
    ),
    ("strength_rationale", _("Why the evidence is at that level"), _("One line."), 1),
    ("limitations", _("Limitations and things to consider"), "", 4),
    ("discussion", _("Questions for team discussion"), _("One question per line."), 4),
]


class NewBriefForm(Form):
    title_en = forms.CharField(label=_("Title in English"), required=False, max_length=200)
    title_cy = forms.CharField(label=_("Title in Welsh"), required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title_en", "").strip() and not data.get("title_cy", "").strip():
            self.add_error("title_en", _("Give the brief a title in English or Welsh"))
        return data


class BriefForm(Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    strength = forms.ChoiceField(
        label=_("How strong the evidence is"),
        choices=[("", _("Not rated yet")), *Strength.choices],
        required=False,
        help_text=_("See “What the evidence levels mean” below."),
    )
    study_kinds = forms.MultipleChoiceField(
        label=_("The kinds of study behind it"),
        choices=StudyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.MultipleChoiceField(
        label=_("Audience"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    topics = TopicField()
    priorities = forms.ModelMultipleChoiceField(
        label=_("Strategic priorities"),
        queryset=Priority.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    answers = forms.ModelMultipleChoiceField(
        label=_("Agenda questions it answers"),
        queryset=Question.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it once published"), choices=Visibility.choices
    )
    review_by = forms.DateField(
        label=_("Review by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("After this date readers are told it may be out of date."),
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label, help_text, rows in TEXTS:
            for language, words in (("en", _("in English")), ("cy", _("in Welsh"))):
                widget: forms.Widget = (
                    forms.TextInput() if rows == 1 else forms.Textarea(attrs={"rows": rows})
                )
                self.fields[f"{name}_{language}"] = forms.CharField(
                    label=f"{label} ({words})",
                    required=False,
                    max_length=300 if rows == 1 else 20000,
                    help_text=help_text,
                    widget=widget,
                )
        priorities: Any = self.fields["priorities"]
        priorities.queryset = Priority.objects.filter(organisation=organisation, is_active=True)
        answers: Any = self.fields["answers"]
        answers.queryset = Question.objects.current().filter(organisation=organisation)
        answers.label_from_instance = lambda question: question.text

    def text_pairs(self) -> list[tuple[Any, Any]]:
        """(English field, Welsh field) for the template, in the editor's order."""
        return [(self[f"{name}_en"], self[f"{name}_cy"]) for name, _l, _h, _r in TEXTS]

    def texts(self) -> dict[str, str]:
        return {
            f"{name}_{language}": self.cleaned_data.get(f"{name}_{language}", "")
            for name, _l, _h, _r in TEXTS
            for language in ("en", "cy")
        }

    def other_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "strength": data.get("strength", ""),
            "study_kinds": data.get("study_kinds", []),
            "audience": data.get("audience", []),
            "format": data.get("format"),
            "visibility": data.get("visibility"),
            "review_by": data.get("review_by"),
        }


class ReviewRequestForm(Form):
    reviewer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Reviewer"),
        queryset=Person.objects.none(),  # set by the view: brokers and academics, not authors
        empty_label=_("Choose a reviewer"),
        error_messages={"required": _("Choose a reviewer")},
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reviewer: Any = self.fields["reviewer"]
        reviewer.queryset = people
        reviewer.label_from_instance = lambda person: person.name or person.email


class ReviewDecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve it")), ("changes", _("Ask for changes"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose approve or ask for changes")},
    )
    note = forms.CharField(
        label=_("Note for the authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when you ask for changes."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "changes" and not data.get("note", "").strip():
            self.add_error("note", _("Say what should change"))
        return data


class CommentForm(Form):
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Write a comment first")},
    )


class FeedbackForm(Form):
    useful = forms.ChoiceField(
        label=_("Was this brief useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no")},
    )
    why = forms.CharField(
        label=_("Why? (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class WithdrawForm(Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the brief is withdrawn")},
    )


class ImageForm(Form):
    file = forms.FileField(label=_("Image (PNG or JPEG, up to 2 MB)"))
    alt_en = forms.CharField(
        label=_("Describe the image in English (alt text)"),
        max_length=300,
        error_messages={"required": _("Describe the image for people who cannot see it")},
    )
    alt_cy = forms.CharField(
        label=_("Describe the image in Welsh (alt text)"), max_length=300, required=False
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                _("The image is %(size)s MB. Images can be up to 2 MB: make it smaller.")
                % {"size": round(upload.size / 1024 / 1024, 1)}
            )
        head = upload.read(8)
        upload.seek(0)
        kind = next((t for magic, t in IMAGE_TYPES.items() if head.startswith(magic)), None)
        if kind is None:
            raise forms.ValidationError(_("The file is not a PNG or JPEG image."))
        upload.detected_type = kind
        return upload
