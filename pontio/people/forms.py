"""Forms of the expert directory: a profile, finding experts, importing publications, and
requests for a conversation."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.core.forms import Form, ModelForm
from pontio.library.forms import TopicField
from pontio.organisations.models import Organisation

from .models import Availability, Profile, RequestKind


class ProfileForm(ModelForm):
    topics = TopicField()
    availability = forms.MultipleChoiceField(
        label=_("Available for"),
        choices=Availability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = [
            "name",
            "job_title",
            "topics",
            "interests_en",
            "interests_cy",
            "methods",
            "practice_experience",
            "welsh_speaker",
            "languages",
            "availability",
            "orcid",
            "visibility",
        ]
        widgets = {
            "interests_en": forms.Textarea(attrs={"rows": 4}),
            "interests_cy": forms.Textarea(attrs={"rows": 4}),
            "methods": forms.Textarea(attrs={"rows": 3}),
            "practice_experience": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "interests_en": _("What you know about and would like to help with, in a few lines."),
            "orcid": _("For example 0000-0002-9341-7985. Used to import your publications."),
        }


class FindForm(Form):
    q = forms.CharField(label=_("Name or expertise"), required=False, max_length=200)
    topic = forms.IntegerField(required=False, widget=forms.HiddenInput)
    welsh = forms.BooleanField(label=_("Speaks Welsh"), required=False)
    available = forms.ChoiceField(
        label=_("Available for"),
        choices=[("", _("Anything")), *Availability.choices],
        required=False,
    )


class ImportForm(Form):
    source = forms.ChoiceField(
        label=_("Where to import from"),
        choices=[("openalex", _("OpenAlex author ID or ORCID iD")), ("orcid", _("ORCID record"))],
        widget=forms.RadioSelect,
        initial="openalex",
    )
    identifier = forms.CharField(
        label=_("Identifier"),
        max_length=100,
        help_text=_("For example A5023888391 (OpenAlex) or 0000-0002-9341-7985 (ORCID)."),
        error_messages={"required": _("Enter an OpenAlex author ID or an ORCID iD")},
    )


class RequestForm(Form):
    kind = forms.ChoiceField(
        label=_("What kind of conversation"),
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a briefing or a roundtable")},
    )
    about = forms.CharField(
        label=_("What you would like to talk about"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Say what you would like to talk about")},
    )


class ApproachForm(Form):
    note = forms.CharField(
        label=_("Note to the expert (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Yes, I can")), ("decline", _("No, not this time"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no")},
    )
    times = forms.CharField(
        label=_("Times that suit you"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed if you say yes: two or three dates and times."),
    )
    reply = forms.CharField(
        label=_("A note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == "accept" and not data.get("times", "").strip():
            self.add_error("times", _("Propose one or more times that suit you"))
        return data


class InstitutionForm(Form):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("The partner organisation it is"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        error_messages={"required": _("Choose the organisation")},
    )
    institution = forms.CharField(
        label=_("Its ROR or OpenAlex institution ID"),
        max_length=100,
        help_text=_("For example 013meh722 (ROR) or I27837315 (OpenAlex)."),
        error_messages={"required": _("Enter a ROR or OpenAlex institution ID")},
    )
    topics = TopicField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation: Any = self.fields["organisation"]
        organisation.queryset = Organisation.objects.active()


class AssignForm(Form):
    email = forms.EmailField(
        label=_("The email address of the person it describes"),
        error_messages={"required": _("Enter their email address")},
    )
