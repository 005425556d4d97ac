"""Pontio's GOV.UK form templates: radios are radios and checkboxes are checkboxes."""

from django import forms


class Choices(forms.Form):
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )


def test_it_draws_radios_and_checkboxes_as_govuk_does() -> None:
    html = Choices(initial={"one": "b", "many": ["x"]}).as_div()
    radios = html[html.index("govuk-radios") : html.index("govuk-checkboxes")]
    assert 'data-module="govuk-radios"' in radios and radios.count('type="radio"') == 2
    assert "checked" in radios
    checkboxes = html[html.index("govuk-checkboxes") :]
    assert 'data-module="govuk-checkboxes"' in checkboxes
    assert checkboxes.count('type="checkbox"') == 2 and "checked" in checkboxes
