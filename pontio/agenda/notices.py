"""The words of in-app notices. A notice stores a kind and values; its message is written out
when someone reads it, in the language of their page, so nothing is stored translated."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from .models import Outcome, State

NOTICE_TEXT = {
    "moved": _("It moved from “%(before)s” to “%(after)s”."),
    "answered": _("A knowledge broker found research that already answers it."),
    "answered_brief": _("An evidence brief that answers it has been published."),
    "answered_project": _("The steering group accepted the outputs of a project that answers it."),
    "out_of_scope": _("It was closed as out of scope: %(reason)s"),
    "merged": _(
        "A question you followed asked the same as this one and was merged into it. "
        "You now follow this question, and any support you gave has moved here."
    ),
    "rephrased": _("A knowledge broker rephrased your question: %(reason)s"),
    "placed": _("The final workshop placed it number %(place)s in the agenda's top ten."),
    "decided": _("The steering group decided: %(outcome)s."),
    "clarify": _("A knowledge broker asks you to clarify your question: %(reason)s"),
}


def _state_label(key: Any) -> str:
    return str(State(key).label) if key in State.values else str(key)


def notice_text(kind: str, params: dict[str, Any]) -> str:
    template = NOTICE_TEXT.get(kind)
    if template is None:
        return ""
    values = dict(params)
    for name in ("before", "after"):
        if name in values:
            values[name] = _state_label(values[name])
    if values.get("outcome") in Outcome.values:
        values["outcome"] = str(Outcome(values["outcome"]).label)
    try:
        return str(template) % values
    except (KeyError, ValueError, TypeError):
        return str(template)
