"""Marking lib's user-facing messages for translation without importing Django.

`_` does nothing at run time: it returns its argument unchanged, so lib stays plain Python and
its messages stay English. Its only job is to let Django's `makemessages` find them: that runs
xgettext, which extracts the string in every call to `_(...)` into Pontio's catalogue.

Write each message as `_("... %(name)s ...")` where it is used, with the English text written
out in full (never an f-string, never built from pieces, never a variable: xgettext only sees
literal text), and carry the variable parts beside it as params. The Django side translates
the template with gettext, then fills in the params; see `records.ParseProblem` and
`formats.encoding.FormatError`.
"""


def _(text: str) -> str:
    """Mark `text` for extraction into the catalogue; returns it unchanged (untranslated)."""
    return text
