"""BibTeX and biblatex (.bib), as JabRef, Zotero, Mendeley and Google Scholar write it: read
into ParsedRecords and written back out as UTF-8."""

import re
from dataclasses import dataclass

from pontio.lib.formats.encoding import FormatError, check_not_empty
from pontio.lib.formats.fields import (
    clean,
    iso_date,
    join_keywords,
    language_code,
    month_number,
    normalise_pages,
    parse_date,
    record_type_from_label,
    split_keywords,
)
from pontio.lib.formats.latex import escape, latex_to_unicode, matching_brace
from pontio.lib.formats.names import author_from_name
from pontio.lib.messages import _
from pontio.lib.normalise import fold, normalise_doi
from pontio.lib.records import Author, ParsedRecord, ParseProblem, ParseResult, RecordType

# Each entry is read on its own, so an unclosed brace spoils one entry, not the rest.
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*([{(])", re.MULTILINE)
_MONTH_MACROS = {
    name[:3]: name.capitalize()
    for name in (
        *("january", "february", "march", "april", "may", "june"),
        *("july", "august", "september", "october", "november", "december"),
    )
}
_TYPES: dict[str, RecordType] = {
    **dict.fromkeys(("article", "inproceedings", "conference"), RecordType.ARTICLE),
    **dict.fromkeys(("book", "booklet", "proceedings", "collection", "mvbook"), RecordType.BOOK),
    **dict.fromkeys(("incollection", "inbook", "inreference", "bookinbook"), RecordType.CHAPTER),
    **dict.fromkeys(("techreport", "report"), RecordType.REPORT),
    **dict.fromkeys(("phdthesis", "mastersthesis", "thesis"), RecordType.THESIS),
    **dict.fromkeys(("online", "www", "electronic", "webpage"), RecordType.WEBPAGE),
    **dict.fromkeys(("dataset", "data"), RecordType.DATASET),
    **dict.fromkeys(("legislation", "legal", "jurisdiction", "law"), RecordType.POLICY),
}
_WRITE_TYPES: dict[RecordType, tuple[str, str]] = {  # entry type, and a `type` field if needed
    RecordType.ARTICLE: ("article", ""),
    RecordType.REPORT: ("techreport", ""),
    RecordType.BOOK: ("book", ""),
    RecordType.CHAPTER: ("incollection", ""),
    RecordType.GUIDELINE: ("techreport", "Guideline"),
    RecordType.THESIS: ("phdthesis", ""),
    RecordType.DATASET: ("dataset", ""),  # biblatex; classic BibTeX treats it as @misc
    RecordType.WEBPAGE: ("online", ""),
    RecordType.POLICY: ("misc", "Policy"),
    RecordType.GREY: ("misc", ""),
}
_SPACES = re.compile(r"\s*")
_SPACES_AND_COMMAS = re.compile(r"[\s,]*")
_QUOTE_BRACE_OR_ESCAPE = re.compile(r'\\.|[{}"]', re.DOTALL)
# Identifiers and links are verbatim in biblatex: no LaTeX is read in them.
_VERBATIM = frozenset({"doi", "url", "pmid", "pmcid", "isbn", "eprint", "openalex"})


class _EntryError(Exception):
    """An entry that cannot be read; its template is the whole sentence for the import report."""

    def __init__(
        self, position: int, template: str, params: dict[str, str | int] | None = None
    ) -> None:
        super().__init__(template)
        self.position = position
        self.template = template
        self.params: dict[str, str | int] = params or {}


@dataclass
class _Entry:
    kind: str
    key: str
    fields: dict[str, str]
    line: int


def parse_bibtex(text: str) -> ParseResult:
    check_not_empty(text)
    starts = list(_ENTRY_START.finditer(text))
    if not starts:
        raise FormatError(_('This does not look like a BibTeX file: no entry starts with "@".'))
    result = ParseResult()
    macros = dict(_MONTH_MACROS)
    first_line, counted_to = 1, 0
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        # Counted on from the last entry: counting from the top each time is slow on big files.
        first_line += text.count("\n", counted_to, start.start())
        counted_to = start.start()
        chunk = text[start.start() : end]
        try:
            entry = _read_entry(chunk, start.end() - start.start(), macros, result, first_line)
        except _EntryError as error:
            line = first_line + chunk.count("\n", 0, error.position)
            result.problems.append(ParseProblem(line, error.template, error.params))
            continue
        if entry is not None:
            _add_record(entry, result)
    return result


def _read_entry(
    chunk: str, pos: int, macros: dict[str, str], result: ParseResult, line: int
) -> _Entry | None:
    kind = _ENTRY_START.match(chunk)
    assert kind is not None
    name = kind.group(1).lower()
    close = "}" if kind.group(2) == "{" else ")"
    if name in ("comment", "preamble"):
        return None
    reader = _Reader(chunk, pos, macros, close)
    if name == "string":
        macro, value = reader.field()
        macros[macro] = value
        return None
    key = reader.key()
    fields: dict[str, str] = {}
    while not reader.at_end():
        field_name, value = reader.field()
        fields.setdefault(field_name, value)
    for macro in reader.unknown_macros:
        result.problems.append(
            ParseProblem(
                line,
                _('The abbreviation "%(macro)s" is not defined; its name was kept.'),
                {"macro": macro},
            )
        )
    return _Entry(name, key, fields, line)


class _Reader:
    """Reads the inside of one entry: `key, name = value # value, ...`."""

    def __init__(self, text: str, pos: int, macros: dict[str, str], close: str) -> None:
        self.text, self.pos, self.macros, self.close = text, pos, macros, close
        self.unknown_macros: list[str] = []

    def skip(self, commas: bool = False) -> None:
        spaces = (_SPACES_AND_COMMAS if commas else _SPACES).match(self.text, self.pos)
        self.pos = spaces.end() if spaces else self.pos

    def at_end(self) -> bool:
        self.skip(commas=True)
        if self.pos >= len(self.text):
            # Reported where the entry starts: the brace was lost somewhere inside it.
            raise _EntryError(
                0, _("This entry is not closed: a brace may be missing. This entry was skipped.")
            )
        return self.text[self.pos] == self.close

    def key(self) -> str:
        found = re.compile(r"\s*([^\s,={}()]*)\s*,").match(self.text, self.pos)
        if not found:
            return ""  # no key: fields start at once
        self.pos = found.end()
        return found.group(1)

    def field(self) -> tuple[str, str]:
        self.skip()
        found = re.compile(r"[A-Za-z][\w\-:.+]*").match(self.text, self.pos)
        if not found:
            snippet = self.text[self.pos : self.pos + 30].split("\n")[0]
            raise _EntryError(
                self.pos,
                _('A field name was expected here, not "%(snippet)s". This entry was skipped.'),
                {"snippet": snippet},
            )
        name = found.group(0).lower()
        self.pos = found.end()
        self.skip()
        if not self.text.startswith("=", self.pos):
            raise _EntryError(
                self.pos,
                _('The field "%(name)s" has no "=" after its name. This entry was skipped.'),
                {"name": name},
            )
        self.pos += 1
        parts = [self.value_part()]
        self.skip()
        while self.text.startswith("#", self.pos):
            self.pos += 1
            parts.append(self.value_part())
            self.skip()
        return name, "".join(parts)

    def value_part(self) -> str:
        self.skip()
        if self.pos >= len(self.text):
            raise _EntryError(self.pos, _("A field has no value. This entry was skipped."))
        ch = self.text[self.pos]
        if ch == "{":
            end = matching_brace(self.text, self.pos)
            if end >= len(self.text):
                raise _EntryError(
                    self.pos,
                    _("A value opens a brace that is never closed. This entry was skipped."),
                )
            value = self.text[self.pos + 1 : end]
            self.pos = end + 1
            return value
        if ch == '"':
            return self.quoted()
        found = re.compile(r"[\w\-:.+/']+").match(self.text, self.pos)
        if not found:
            raise _EntryError(
                self.pos,
                _('A value was expected here, not "%(character)s". This entry was skipped.'),
                {"character": ch},
            )
        self.pos = found.end()
        word = found.group(0)
        if word.isdecimal():
            return word
        if word.lower() not in self.macros:
            self.unknown_macros.append(word)
            return word
        return self.macros[word.lower()]

    def quoted(self) -> str:
        depth = 0
        found = _QUOTE_BRACE_OR_ESCAPE.search(self.text, self.pos + 1)
        while found is not None:
            ch, i = found.group(0), found.start()
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == '"' and depth == 0:
                value = self.text[self.pos + 1 : i]
                self.pos = i + 1
                return value
            found = _QUOTE_BRACE_OR_ESCAPE.search(self.text, i + len(ch))
        raise _EntryError(self.pos, _("A quoted value is never closed. This entry was skipped."))


def _add_record(entry: _Entry, result: ParseResult) -> None:
    fields = entry.fields

    def text(*names: str) -> str:
        for name in names:
            if fields.get(name, "").strip():
                value = fields[name]
                return clean(_verbatim(value) if name in _VERBATIM else latex_to_unicode(value))
        return ""

    title = text("title")
    if not title:
        result.problems.append(
            ParseProblem(
                entry.line,
                _('The entry "%(key)s" has no title, so it was skipped.'),
                {"key": entry.key},
            )
            if entry.key
            else ParseProblem(entry.line, _("The entry has no title, so it was skipped."))
        )
        return
    record_type = _TYPES.get(entry.kind, RecordType.GREY)
    type_field = text("type")
    if "guideline" in type_field.lower():
        record_type = RecordType.GUIDELINE
    elif type_field and record_type is RecordType.GREY:
        record_type = record_type_from_label(type_field) or record_type
    names = fields.get("author", "")
    if not names.strip() and record_type is RecordType.BOOK:
        names = fields.get("editor", "")
    year, date = _year_and_date(text("year"), text("month"), text("date"))
    doi = normalise_doi(text("doi")) or normalise_doi(text("url"))
    pmid = text("pmid") or (text("eprint") if text("eprinttype").lower() == "pubmed" else "")
    result.records.append(
        ParsedRecord(
            title=title,
            record_type=record_type,
            abstract=_paragraphs(fields.get("abstract", "")),
            authors=_authors(names),
            year=year,
            date=date,
            container=text("journaltitle", "journal", "booktitle", "series"),
            publisher=text("publisher", "institution", "school", "organization"),
            volume=text("volume"),
            issue=text("number", "issue"),
            pages=normalise_pages(text("pages")),
            doi=doi,
            pmid=pmid,
            pmcid=text("pmcid"),
            openalex_id=text("openalex"),
            isbn=text("isbn").replace("-", ""),
            url=text("url"),
            language=language_code(text("language", "langid")),
            keywords=split_keywords(text("keywords")),
            source_line=entry.line,
        )
    )


def _paragraphs(value: str) -> str:
    paragraphs = re.split(r"\n\s*\n|\\par\b", value)
    return "\n".join(p for p in (clean(latex_to_unicode(p)) for p in paragraphs) if p)


def _verbatim(value: str) -> str:
    value = re.sub(r"\\([&%$#_{}])", r"\1", value)
    return value.replace("{", "").replace("}", "")


def _year_and_date(year: str, month: str, date: str) -> tuple[int | None, str]:
    if date:
        parsed_year, iso = parse_date(date)
        if parsed_year is not None:
            return parsed_year, iso
    parsed_year, iso = parse_date(year)
    if parsed_year is not None and month:
        return parsed_year, iso_date(parsed_year, month_number(month))
    return parsed_year, iso


def _authors(value: str) -> list[Author]:
    authors = []
    for name in _split_depth_zero(value, _AND):
        name = name.strip()
        if not name or name.lower() == "others":
            continue
        if name.startswith("{") and matching_brace(name, 0) == len(name) - 1:
            authors.append(Author(family=clean(latex_to_unicode(name[1:-1]))))  # an organisation
            continue
        parts = [clean(latex_to_unicode(p)) for p in _split_depth_zero(name, _COMMA)]
        if len(parts) == 1:
            author = author_from_name(parts[0])
            if author is not None:
                authors.append(author)
        else:  # "von Last, First" or "von Last, Jr, First"
            authors.append(Author(family=" ".join(parts[:-1]), given=parts[-1]))
    return authors


# Each matches an escape, a brace, or the separator: the text between them is skipped whole.
_AND = re.compile(r"\\.|[{}]|(?P<separator>\s+and\s+)", re.IGNORECASE | re.DOTALL)
_COMMA = re.compile(r"\\.|[{}]|(?P<separator>,)", re.DOTALL)


def _split_depth_zero(value: str, pattern: re.Pattern[str]) -> list[str]:
    """Split where the separator comes outside braces: "{Barnes and Noble}" stays whole."""
    parts, depth, start = [], 0, 0
    for found in pattern.finditer(value):
        if found.group("separator"):
            if depth == 0:
                parts.append(value[start : found.start()])
                start = found.end()
        elif found.group(0) in "{}":
            depth += 1 if found.group(0) == "{" else -1
    parts.append(value[start:])
    return parts


def write_bibtex(records: list[ParsedRecord]) -> str:
    """UTF-8 BibTeX with unique author-year keys. BibTeX has no place for concepts, authors'
    ORCIDs and OpenAlex ids, or open-access details; PMID, PMCID and the OpenAlex work id go in
    fields of those names, which biblatex and reference managers keep."""
    used: set[str] = set()
    return "\n".join(_entry(record, _citation_key(record, used)) for record in records)


def _citation_key(record: ParsedRecord, used: set[str]) -> str:
    family = fold(record.authors[0].family) if record.authors else "anon"
    words = [w for w in re.findall(r"[a-z]+", fold(record.title)) if len(w) > 3]
    base = (
        re.sub(r"[^a-z]", "", family)[:20]
        + (str(record.year) if record.year else "")
        + (words[0] if words else "")
    ) or "entry"
    key, counter = base, 0
    while key in used:
        counter += 1
        key = f"{base}{_suffix(counter)}"
    used.add(key)
    return key


def _suffix(counter: int) -> str:
    """a, b, ... z, aa, ab ...: the way author-year keys are told apart."""
    letters = ""
    while counter:
        counter, remainder = divmod(counter - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _entry(record: ParsedRecord, key: str) -> str:
    kind, type_field = _WRITE_TYPES.get(record.record_type, ("misc", ""))
    container_field = {"article": "journal", "incollection": "booktitle"}.get(kind, "series")
    publisher_field = {"techreport": "institution", "phdthesis": "school"}.get(kind, "publisher")
    date = record.date if "-" in record.date else ""
    fields = [
        ("author", " and ".join(map(_name, record.authors))),
        ("title", escape(clean(record.title))),
        (container_field, escape(clean(record.container))),
        ("year", str(record.year) if record.year else ""),
        ("date", date),
        ("volume", escape(record.volume)),
        ("number", escape(record.issue)),
        ("pages", escape(record.pages.replace("-", "--"))),
        (publisher_field, escape(clean(record.publisher))),
        ("type", type_field),
        ("doi", _verbatim_value(record.doi)),
        ("url", _verbatim_value(record.url)),
        ("isbn", record.isbn),
        ("pmid", record.pmid),
        ("pmcid", record.pmcid),
        ("openalex", record.openalex_id),
        ("language", escape(record.language)),
        ("keywords", escape(join_keywords(record.keywords))),
        # A blank line is a paragraph break in LaTeX, and so in every BibTeX reader.
        (
            "abstract",
            "\n\n".join(escape(clean(p)) for p in record.abstract.split("\n") if p.strip()),
        ),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def _name(author: Author) -> str:
    family = escape(clean(author.family))
    # An organisation, or a family name holding a comma or " and ", is protected by braces.
    if not author.given or "," in family or re.search(r"\sand\s", family, re.IGNORECASE):
        family = f"{{{family}}}"
    given = escape(clean(author.given))
    if "," in given:
        given = f"{{{given}}}"
    return f"{family}, {given}" if author.given else family


def _verbatim_value(value: str) -> str:
    # A brace would end the value early; in a DOI or URL it can be percent-encoded safely.
    return value.replace("{", "%7B").replace("}", "%7D")
