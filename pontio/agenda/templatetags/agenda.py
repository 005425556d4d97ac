"""Template helpers for the agenda's pages."""

from django import template

register = template.Library()

STATE_COLOURS = {
    "submitted": "grey",
    "triaged": "light-blue",
    "shortlisted": "blue",
    "prioritised": "purple",
    "commissioned": "turquoise",
    "answered": "green",
    "closed": "orange",
}


@register.filter
def state_colour(state: str) -> str:
    """The GOV.UK tag colour for a question's state."""
    return STATE_COLOURS.get(state, "grey")
