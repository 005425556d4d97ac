from django.utils.translation import gettext_lazy as _

from pontio.core.forms import ModelForm

from .models import Organisation, Team


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name_en",
            "name_cy",
            "kind",
            "agenda_sharing",
            "partners_may_ask",
            "briefs_english_first",
            "is_active",
        ]
        help_texts = {"is_active": _("Inactive organisations cannot be chosen for new people.")}


class TeamForm(ModelForm):
    class Meta:
        model = Team
        fields = ["name_en", "name_cy", "lived_experience", "is_active"]
