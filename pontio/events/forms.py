"""Forms for events. Speakers are published profiles the organiser may see; questions are the
organisation's current agenda questions they may see."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.core.forms import Form, ModelForm

from .models import Event
from .services import EDITABLE

DATE_TIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(ModelForm):
    class Meta:
        model = Event
        fields = [*EDITABLE, "speakers", "questions"]
        widgets = {
            "starts_at": DATE_TIME,
            "ends_at": DATE_TIME,
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "description_cy": forms.Textarea(attrs={"rows": 4}),
            "capacity": forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
            "speakers": forms.CheckboxSelectMultiple,
            "questions": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "place": _("A room and building, if people meet in person."),
            "online_link": _("A Teams or Zoom link, if people join online."),
            "capacity": _("Leave empty if there is no limit."),
        }
        error_messages = {
            "starts_at": {"required": _("Enter when the event starts")},
            "ends_at": {"required": _("Enter when the event ends")},
            "kind": {"required": _("Choose the kind of event")},
        }

    def __init__(self, *args: Any, person: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from pontio.agenda.models import Question
        from pontio.people.models import Profile, ProfileState

        self.fields["speakers"].queryset = (  # type: ignore[attr-defined]
            Profile.objects.visible_to(person)
            .filter(state=ProfileState.PUBLISHED)
            .select_related("organisation")
        )
        self.fields["questions"].queryset = (  # type: ignore[attr-defined]
            Question.objects.current().filter(organisation=organisation).visible_to(person)
        )
        for name in ("speakers", "questions"):
            if not self.fields[name].queryset.exists():  # type: ignore[attr-defined]
                del self.fields[name]  # nothing to choose: no empty heading on the page

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("title_en", "").strip() or data.get("title_cy", "").strip()):
            self.add_error("title_en", _("Give the event a title in English, in Welsh or in both"))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts"))
        link = data.get("online_link", "")
        if link and not link.startswith("https://"):
            self.add_error("online_link", _("Enter a link that starts with https://"))
        return data

    def validate_constraints(self) -> None:
        # The service checks the rules the constraints keep, with messages people can act on.
        pass


class CancelForm(Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        help_text=_("Everyone who signed up is told, with this reason."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Say why the event is cancelled")},
    )


class RecordForm(Form):
    """After the event: who of those signed up came, and what was discussed."""

    came = forms.MultipleChoiceField(
        label=_("Who came"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes_en = forms.CharField(
        label=_("What was discussed, in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    notes_cy = forms.CharField(
        label=_("What was discussed, in Welsh"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attendances = list(event.attendances.select_related("person"))
        came = self.fields["came"]
        came.choices = [(str(a.person_id), a.person.name) for a in attendances]  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial["came"] = [str(a.person_id) for a in attendances if a.attended]
            self.initial["notes_en"] = event.notes_en
            self.initial["notes_cy"] = event.notes_cy
