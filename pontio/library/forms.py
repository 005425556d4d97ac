"""Forms of the library: adding and editing records, files, imports, collections."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.core.forms import Form
from pontio.lib.records import RecordType
from pontio.taxonomy.models import Topic

from .models import RECORD_TYPE_LABELS, Visibility


class TopicField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            queryset=Topic.objects.active()
            .select_related("parent")
            .order_by("parent__position", "position"),
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=_("Topics"),
            **kwargs,
        )

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.parent.name}: {obj.name}" if obj.parent_id else obj.name


class LookupForm(Form):
    identifier = forms.CharField(
        label=_("DOI or web address"),
        max_length=500,
        help_text=_("For example 10.1111/cfs.12345 or https://doi.org/10.1111/cfs.12345"),
    )


class SaveFoundForm(Form):
    topics = TopicField()
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Visibility.choices,
        initial=Visibility.PARTNERSHIP,
        widget=forms.RadioSelect,
    )


class RecordForm(Form):
    record_type = forms.ChoiceField(
        label=_("Type"), choices=list(RECORD_TYPE_LABELS.items()), initial=RecordType.REPORT
    )
    title = forms.CharField(label=_("Title"), max_length=5000)
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line, family name first: Jones, Siân. An organisation can be an author too."
        ),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1000, max_value=2100)
    container = forms.CharField(
        label=_("Journal, series or website"), required=False, max_length=500
    )
    publisher = forms.CharField(
        label=_("Publisher or organisation"), required=False, max_length=300
    )
    url = forms.URLField(
        label=_("Web address"), required=False, max_length=1000, assume_scheme="https"
    )
    doi = forms.CharField(label=_("DOI"), required=False, max_length=255)
    abstract = forms.CharField(
        label=_("Abstract or summary"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    keywords = forms.CharField(
        label=_("Keywords"), required=False, max_length=1000, help_text=_("Separated by commas")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("en", _("English")), ("cy", _("Welsh")), ("", _("Other"))],
    )
    topics = TopicField()
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Visibility.choices,
        initial=Visibility.PARTNERSHIP,
        widget=forms.RadioSelect,
    )

    def clean_authors(self) -> list[dict[str, str]]:
        people = []
        for line in self.cleaned_data["authors"].splitlines():
            line = line.strip()
            if not line:
                continue
            family, _sep, given = line.partition(",")
            people.append(
                {"family": family.strip(), "given": given.strip(), "orcid": "", "openalex_id": ""}
            )
        return people

    def clean_doi(self) -> str:
        from pontio.lib.normalise import normalise_doi

        value: str = self.cleaned_data["doi"].strip()
        if value and not normalise_doi(value):
            raise forms.ValidationError(_("This does not look like a DOI. A DOI starts with 10."))
        return normalise_doi(value)

    def clean_keywords(self) -> list[str]:
        return [k.strip() for k in self.cleaned_data["keywords"].split(",") if k.strip()]


class FileForm(Form):
    file = forms.FileField(label=_("File"), help_text=_("A PDF or Word (.docx) file"))
    licence = forms.CharField(
        label=_("Licence"),
        required=False,
        max_length=60,
        help_text=_("For example CC BY 4.0. Leave empty if you do not know."),
    )
    openly_licensed = forms.BooleanField(
        label=_("This file is openly licensed, so anyone who can see the record may open it"),
        required=False,
    )


class ImportForm(Form):
    file = forms.FileField(
        label=_("File to import"),
        help_text=_("RIS, BibTeX, CSV, OpenAlex JSON or JSON Lines, PubMed (.nbib) or PDF"),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see these records"),
        choices=Visibility.choices,
        initial=Visibility.PARTNERSHIP,
        widget=forms.RadioSelect,
    )


class CollectionForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Visibility.choices,
        initial=Visibility.ORGANISATION,
        widget=forms.RadioSelect,
    )
