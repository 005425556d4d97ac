from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pontio.core.forms import ModelForm

from .models import Priority, Topic


class TopicForm(ModelForm):
    class Meta:
        model = Topic
        fields = [
            "name_en",
            "name_cy",
            "slug",
            "parent",
            "description_en",
            "description_cy",
            "position",
            "is_active",
        ]
        help_texts = {
            "slug": _("Lower-case letters, numbers and hyphens, used in links."),
            "parent": _("Leave empty for a top-level topic. The taxonomy has two levels."),
        }
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "description_cy": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Topic.objects.top_level()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]

    def clean_parent(self) -> Topic | None:
        parent: Topic | None = self.cleaned_data.get("parent")
        if parent and self.instance.pk and self.instance.children.exists():
            raise forms.ValidationError(
                _("This topic has narrower topics, so it must stay at the top level.")
            )
        return parent


class PriorityForm(ModelForm):
    class Meta:
        model = Priority
        fields = [
            "organisation",
            "name_en",
            "name_cy",
            "description_en",
            "description_cy",
            "is_active",
        ]
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "description_cy": forms.Textarea(attrs={"rows": 3}),
        }
