"""Fields a form adds after the GOV.UK mixin's __init__ are drawn with the GOV.UK classes too,
and marked as in error like any other field."""

from typing import Any

from django import forms

from pontio.core.forms import Form


class Later(Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"] = forms.ChoiceField(choices=[("1", "1"), ("2", "2")])
        self.fields["why"] = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


def test_fields_added_later_are_classed_once_and_marked_in_error() -> None:
    html = str(Later())
    assert 'class="govuk-select"' in html and 'class="govuk-textarea"' in html
    invalid = Later({"place": "9"})
    assert not invalid.is_valid()
    html = str(invalid)
    assert "govuk-select govuk-select--error" in html
    assert "govuk-textarea govuk-textarea--error" in html
    assert html.count("govuk-select govuk-select") == 1  # classed once, however often drawn
