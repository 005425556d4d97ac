"""Forms for a person's own settings, accepting an invitation, and the people administration."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from pontio.core.forms import Form, ModelForm
from pontio.organisations.models import Organisation, Team
from pontio.taxonomy.models import Topic

from .models import Language, Person, Role


class TopicChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.parent.name}: {obj.name}" if obj.parent_id else obj.name


class SettingsForm(ModelForm):
    topics = TopicChoiceField(
        queryset=Topic.objects.active()
        .select_related("parent")
        .order_by("parent__position", "position"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Topics you follow"),
        help_text=_("Pontio uses these to show you research, briefs and questions."),
    )

    class Meta:
        model = Person
        fields = ["name", "language", "topics"]
        widgets = {"language": forms.RadioSelect}


class InvitationAcceptForm(Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    password = forms.CharField(
        label=_("Create a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Avoid common words and passwords you use elsewhere."),
        strip=False,
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        candidate = Person(email=self.email, name=self.cleaned_data.get("name", ""))
        password_validation.validate_password(password, candidate)
        return password


class TeamInOrganisationForm(Form):
    """A form with an organisation and a team: the team must belong to the organisation."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        team, organisation = data.get("team"), data.get("organisation")
        if team and organisation and team.organisation_id != organisation.pk:
            self.add_error("team", _("Choose a team in the organisation you chose."))
        return data


class InviteForm(TeamInOrganisationForm):
    email = forms.EmailField(label=_("Email address"))
    name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.active(), label=_("Organisation")
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(is_active=True).select_related("organisation"),
        label=_("Team"),
        required=False,
        help_text=_("Optional. The team must belong to the organisation."),
    )
    roles = forms.MultipleChoiceField(
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Roles"),
    )
    language = forms.ChoiceField(
        choices=Language.choices,
        widget=forms.RadioSelect,
        initial=Language.ENGLISH,
        label=_("Language of the invitation"),
    )


class RolesForm(Form):
    roles = forms.MultipleChoiceField(
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Roles"),
    )


class MembershipForm(TeamInOrganisationForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.active(), label=_("Organisation")
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(is_active=True).select_related("organisation"),
        label=_("Team"),
        required=False,
    )


class DeactivateForm(Form):
    reason = forms.CharField(
        label=_("Why are you deactivating this person?"),
        help_text=_("For example: left the council. This is kept in the audit trail."),
        max_length=200,
    )
