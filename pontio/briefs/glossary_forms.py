"""The form brokers add glossary terms with."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pontio.core.forms import ModelForm

from .models import GlossaryTerm

DUPLICATE = _("“%(term)s” is already in the glossary: remove it first to change it")


class GlossaryForm(ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "plain"]
        help_texts = {
            "term": _("The word or phrase to flag, such as “heterogeneity”."),
            "plain": _("What to write instead, such as “differences between studies”."),
        }
        error_messages = {
            "term": {"required": _("Enter the word or phrase to flag")},
            "plain": {"required": _("Enter a plainer alternative")},
        }

    def clean_term(self) -> str:
        term = " ".join(str(self.cleaned_data["term"]).split())
        # The check ignores case, so "Cohort" is the same term as "cohort".
        if GlossaryTerm.objects.filter(term__iexact=term).exists():
            raise ValidationError(DUPLICATE, code="unique", params={"term": term})
        return term

    def clean_plain(self) -> str:
        return " ".join(str(self.cleaned_data["plain"]).split())
