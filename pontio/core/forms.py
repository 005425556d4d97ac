"""Forms look and behave like GOV.UK Design System forms: one renderer and one mixin give every
form the right classes, hints, error messages and error summary."""

from typing import Any

from django import forms
from django.http import HttpRequest

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}


def _add_govuk_class(field: forms.Field) -> None:
    """The GOV.UK class for the field's widget, once."""
    widget = field.widget
    css = next((c for klass, c in WIDGET_CLASSES.items() if type(widget) is klass), "govuk-input")
    classes = widget.attrs.get("class", "").split()
    if css not in classes:
        widget.attrs["class"] = " ".join([*classes, css])


class GovukFormMixin:
    """Adds GOV.UK classes to widgets, and the error classes to fields that have errors."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _add_govuk_class(field)

    def __getitem__(self, name: str) -> Any:
        # Fields a form adds after __init__ (one per question, say) are classed when drawn.
        _add_govuk_class(self.fields[name])
        return super().__getitem__(name)  # type: ignore[misc]

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        errors: dict[str, Any] = getattr(self, "_errors", None) or {}
        for name in errors:
            if name in self.fields:
                _add_govuk_class(self.fields[name])
                widget = self.fields[name].widget
                css = widget.attrs.get("class", "")
                error_class = css.split(" ")[-1] + "--error" if css else ""
                if error_class and error_class not in css and "__input" not in css:
                    widget.attrs["class"] = f"{css} {error_class}"
                widget.attrs["aria-describedby"] = f"{name}-error"


class Form(GovukFormMixin, forms.Form):
    pass


class ModelForm(GovukFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass


def form_data(request: HttpRequest) -> Any:
    """What a form is bound to: the posted data on a POST (even an empty one, so that required
    fields are reported), nothing on a GET."""
    return request.POST if request.method == "POST" else None
