"""Forms of the projects register. The project form drops the governance and budget fields for
people who may not see them, so they can neither read nor change them."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.accounts.models import Person
from pontio.core.forms import Form, ModelForm
from pontio.people.models import Profile

from .models import Part, Project, Status

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(ModelForm):
    record_numbers = forms.CharField(
        label=_("Library records it produced"),
        help_text=_("The numbers of the records in the library, separated by commas."),
        required=False,
        max_length=2000,
    )

    class Meta:
        model = Project
        fields = [
            "title_en",
            "title_cy",
            "summary_en",
            "summary_cy",
            "kind",
            "starts_on",
            "ends_on",
            "topics",
            "priorities",
            "questions",
            "teams",
            "partners",
            "ethics_body",
            "ethics_reference",
            "ethics_state",
            "data_access_agreed",
            "funding",
            "scope",
            "deadline",
            "budget",
            "briefs",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "deadline": DATE,
            "summary_en": forms.Textarea(attrs={"rows": 4}),
            "summary_cy": forms.Textarea(attrs={"rows": 4}),
            "funding": forms.Textarea(attrs={"rows": 2}),
            "scope": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(
        self,
        *args: Any,
        person: Any,
        organisation: Any,
        allowed: tuple[str, ...],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        from pontio.agenda.models import Question
        from pontio.briefs.models import Brief
        from pontio.organisations.models import Organisation, Team
        from pontio.taxonomy.models import Priority, Topic

        self.person = person
        self.fields["topics"].queryset = Topic.objects.active()  # type: ignore[attr-defined]
        self.fields["priorities"].queryset = Priority.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, is_active=True
        )
        self.fields["questions"].queryset = (  # type: ignore[attr-defined]
            Question.objects.current().filter(organisation=organisation).visible_to(person)
        )
        self.fields["teams"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            is_active=True
        ).select_related("organisation")
        self.fields["partners"].queryset = (  # type: ignore[attr-defined]
            Organisation.objects.active().exclude(pk=organisation.pk)
        )
        self.fields["briefs"].queryset = Brief.objects.visible_to(person)  # type: ignore[attr-defined]
        for name in ("ethics_body", "ethics_reference", "ethics_state", "data_access_agreed"):
            if name not in allowed:
                del self.fields[name]
        if "budget" not in allowed:
            del self.fields["budget"]
        if self.instance.pk and not self.is_bound:
            from pontio.library.models import Record

            visible = Record.objects.visible_to(self.person).values("pk")
            numbers = self.instance.records.filter(pk__in=visible).values_list("pk", flat=True)
            self.initial["record_numbers"] = ", ".join(str(n) for n in numbers)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("title_en", "").strip() or data.get("title_cy", "").strip()):
            missing = _("Give the project a title in English, in Welsh or in both")
            self.add_error("title_en", missing)
        return data

    def validate_constraints(self) -> None:
        # The service checks the rules the constraints keep, with messages people can act on.
        pass

    def clean_record_numbers(self) -> list[Any]:
        from pontio.library.models import Record

        text = self.cleaned_data.get("record_numbers", "")
        numbers = {int(n) for n in re.findall(r"\d+", text)}
        if re.sub(r"[\d,\s]", "", text):
            raise forms.ValidationError(_("Enter record numbers separated by commas"))
        found = list(Record.objects.visible_to(self.person).filter(pk__in=numbers))
        missing = numbers - {r.pk for r in found}
        if missing:
            raise forms.ValidationError(
                _("There is no record you may see with the number %(numbers)s")
                % {"numbers": ", ".join(str(n) for n in sorted(missing))}
            )
        return found

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["records"] = data.pop("record_numbers", [])
        return data


class StatusForm(Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the new status")},
    )
    reason = forms.CharField(
        label=_("Why it stopped"),
        help_text=_("Needed when the project stops."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MemberForm(Form):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        error_messages={"required": _("Choose a person")},
    )
    part = forms.ChoiceField(
        label=_("Their part"),
        choices=Part.choices,
        error_messages={"required": _("Choose the part they play")},
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class DeliverableForm(Form):
    text = forms.CharField(
        label=_("What will be delivered"),
        max_length=2000,
        error_messages={"required": _("Say what will be delivered")},
    )
    due_on = forms.DateField(
        label=_("Due"),
        widget=DATE,
        error_messages={
            "required": _("Enter the date it is due"),
            "invalid": _("Enter a real date"),
        },
    )


class ProgressForm(Form):
    text = forms.CharField(
        label=_("Progress update"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write the update")},
    )


class InvitationForm(Form):
    profile = forms.ModelChoiceField(
        label=_("Expert"),
        queryset=Profile.objects.none(),
        error_messages={"required": _("Choose an expert")},
    )
    message = forms.CharField(
        label=_("Message to the expert"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a message to the expert")},
    )

    def __init__(self, *args: Any, profiles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = profiles  # type: ignore[attr-defined]


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("Will you take part?"),
        choices=[("accept", _("Yes, I accept")), ("decline", _("No, I decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you accept")},
    )
    reply = forms.CharField(
        label=_("Your reply"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OutputFileForm(Form):
    title = forms.CharField(
        label=_("Title of the document"),
        max_length=500,
        error_messages={"required": _("Give the file a title")},
    )
    file = forms.FileField(
        label=_("The file (PDF or Word)"),
        error_messages={"required": _("Choose a file")},
    )
