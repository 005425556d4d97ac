"""Turning an uploaded file's bytes into text, whatever program wrote it, and the one error a
parser raises when a file cannot be read at all."""

import codecs

from pontio.lib.messages import _


class FormatError(Exception):
    """The whole file cannot be read (empty, or not this format); the message is for the user.

    `template` is the untranslated English, with `%(name)s` placeholders for `params`, written as
    `_("...")` where it is raised so that makemessages extracts it (see lib.messages);
    `str(error)` and `.message` are the English with the params filled in."""

    def __init__(self, template: str, params: dict[str, str | int] | None = None) -> None:
        self.template = template
        self.params: dict[str, str | int] = params or {}
        self.message = template % self.params if self.params else template
        super().__init__(self.message)


# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """The text of `data` and the name of the encoding it was read as. Never raises: a file that
    is not valid UTF-8 falls back to Windows-1252 (what Excel and EndNote on Windows write), and
    Latin-1 reads any bytes at all."""
    text, encoding = _decode(data)
    # Old Mac exports end lines with a bare CR; every parser splits on "\n" only.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff"), encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    bom_less_utf16 = _utf16_without_bom(data)
    if bom_less_utf16:
        return data.decode(bom_less_utf16, errors="replace"), bom_less_utf16
    for name in ("utf-8", "windows-1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str:
    """Some Windows tools write UTF-16 without a BOM: text then has a zero in every other byte."""
    sample = data[:400]
    if len(sample) < 4 or sample.count(0) < len(sample) // 3:
        return ""
    if sample[1::2].count(0) > len(sample) // 3:
        return "utf-16-le"
    if sample[0::2].count(0) > len(sample) // 3:
        return "utf-16-be"
    return ""


def check_not_empty(text: str) -> None:
    if not text.strip():
        raise FormatError(_("The file is empty."))
