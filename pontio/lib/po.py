"""A small reader for gettext .po catalogues: enough to check that a catalogue is complete (every
entry translated, none fuzzy) without depending on gettext tools at run time."""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values()) and "fuzzy" not in self.flags


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text))


def parse_po(text: str) -> list[Entry]:
    """Entries of a .po file, in order, without the header entry (msgid "")."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None
    started = False

    def finish() -> None:
        nonlocal current, started, target
        if started and not current.obsolete and current.msgid:
            entries.append(current)
        current, started, target = Entry(), False, None

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            current.obsolete = True
            continue
        if line.startswith("#,"):
            if started:
                finish()
            current.flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#:"):
            if started:
                finish()
            current.references += line[2:].split()
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith('"'):
            if target is not None:
                name, index = target
                if name == "msgstr":
                    current.msgstr[index] += _unquote(line)
                else:
                    setattr(current, name, (getattr(current, name) or "") + _unquote(line))
            continue
        if keyword in ("msgctxt", "msgid") and current.msgstr:
            finish()  # a new entry with no blank line before it
        started = True
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            setattr(current, keyword, _unquote(rest))
            target = (keyword, 0)
        elif keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            current.msgstr[index] = _unquote(rest)
            target = ("msgstr", index)
    finish()
    return entries


def read_po(path: Path) -> list[Entry]:
    return parse_po(path.read_text(encoding="utf-8"))
