"""RIS, the tagged format that Zotero, EndNote, Mendeley, Scopus, Web of Science and Ovid
export: read into ParsedRecords and written back out."""

import re
from dataclasses import dataclass, field

from pontio.lib.formats.encoding import FormatError, check_not_empty
from pontio.lib.formats.fields import (
    clean,
    isbn_in,
    join_pages,
    language_code,
    normalise_pages,
    parse_date,
    split_pages,
    unique,
)
from pontio.lib.formats.names import author_from_family_first, family_first
from pontio.lib.messages import _
from pontio.lib.normalise import DOI_IN_TEXT, normalise_doi
from pontio.lib.records import ParsedRecord, ParseProblem, ParseResult, RecordType

# The standard is two spaces before the hyphen; a few tools write one. The style is chosen per
# file so that an abstract line such as "UK - based" is never taken for a tag.
_TAG_TWO_SPACES = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_TAG_ONE_SPACE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$")

_TYPES: dict[str, RecordType] = {
    **dict.fromkeys(
        ("JOUR", "JFULL", "EJOUR", "ABST", "INPR", "MGZN", "NEWS", "CONF", "CPAPER", "SER"),
        RecordType.ARTICLE,
    ),
    "RPRT": RecordType.REPORT,
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK", "CONFP"), RecordType.BOOK),
    **dict.fromkeys(("CHAP", "ECHAP", "ENCYC", "DICT"), RecordType.CHAPTER),
    "THES": RecordType.THESIS,
    **dict.fromkeys(("DATA", "DBASE", "AGGR"), RecordType.DATASET),
    **dict.fromkeys(("ELEC", "WEB", "BLOG", "ICOMM"), RecordType.WEBPAGE),
    **dict.fromkeys(("GOVDOC", "STAT", "BILL", "LEGAL", "HEAR", "CASE"), RecordType.POLICY),
}
_WRITE_TYPES: dict[RecordType, str] = {
    RecordType.ARTICLE: "JOUR",
    RecordType.REPORT: "RPRT",
    RecordType.BOOK: "BOOK",
    RecordType.CHAPTER: "CHAP",
    RecordType.GUIDELINE: "RPRT",  # with "M3  - Guideline", as EndNote's "Type of Work"
    RecordType.THESIS: "THES",
    RecordType.DATASET: "DATA",
    RecordType.WEBPAGE: "ELEC",
    RecordType.POLICY: "GOVDOC",
    RecordType.GREY: "GEN",
}
# Fields whose line breaks are paragraphs; in every other field a wrapped line is one value.
_MULTILINE = frozenset({"AB", "N2", "N1"})
_PMID = re.compile(r"(?:PMID|PubMed ID)\s*:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"\bPMC\d+\b")


@dataclass
class _Entry:
    line: int
    fields: list[tuple[str, str]] = field(default_factory=list)
    has_type: bool = True

    def all(self, *tags: str) -> list[str]:
        return [value for tag, value in self.fields if tag in tags and value.strip()]

    def first(self, *tags: str) -> str:
        """The first non-empty value among the tags, in the order the tags are given."""
        for tag in tags:
            values = self.all(tag)
            if values:
                return values[0].strip()
        return ""


def parse_ris(text: str) -> ParseResult:
    check_not_empty(text)
    if not re.search(r"^\s*TY {1,2}-", text, re.MULTILINE):
        raise FormatError(_('This does not look like a RIS file: no entry starts with "TY  - ".'))
    tag_line = _TAG_TWO_SPACES if re.search(r"^\s*TY  -", text, re.MULTILINE) else _TAG_ONE_SPACE
    result = ParseResult()
    current: _Entry | None = None
    seen_an_entry = False

    def finish(entry: _Entry) -> None:
        if entry.has_type:
            _add_record(entry, result)

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        match = tag_line.match(line)
        if match:
            tag, value = match.group(1), (match.group(2) or "").strip()
            if tag == "TY":
                if current is not None:
                    finish(current)  # a missing ER: the next TY ends the entry
                current = _Entry(number, [("TY", value)])
                seen_an_entry = True
            elif tag == "ER":
                if current is not None:
                    finish(current)
                current = None
            else:
                if current is None:
                    current = _Entry(number, has_type=False)
                    result.problems.append(
                        ParseProblem(
                            number,
                            _(
                                "This entry has no TY (type) line before its fields, "
                                "so it was skipped up to its ER line."
                            ),
                        )
                    )
                current.fields.append((tag, value))
        elif not line:
            continue
        elif current is not None and current.fields:
            tag, value = current.fields[-1]
            joiner = "\n" if tag in _MULTILINE else " "
            current.fields[-1] = (tag, f"{value}{joiner}{line}" if value else line)
        elif seen_an_entry:
            # Text before the first entry is a header some databases write; after it, it is not.
            result.problems.append(
                ParseProblem(
                    number,
                    _('This line is not part of any entry and was skipped: "%(line)s"'),
                    {"line": line[:80]},
                )
            )
    if current is not None:
        finish(current)  # the last entry may lack its ER
    return result


def _add_record(entry: _Entry, result: ParseResult) -> None:
    kind = entry.first("TY").upper()
    record_type = _TYPES.get(kind, RecordType.GREY)
    if "guideline" in entry.first("M3").lower():
        record_type = RecordType.GUIDELINE
    title = clean(entry.first("TI", "T1") or entry.first("BT", "CT"))
    if not title:
        result.problems.append(
            ParseProblem(
                entry.line, _("This entry has no title (TI or T1 line), so it was skipped.")
            )
        )
        return
    names = entry.all("AU", "A1") or entry.all("A2") or entry.all("A3")
    container_tags: tuple[str, ...] = ("T2", "JF", "JO", "JA", "J2", "J1", "T3")
    if "BT" in {tag for tag, _ in entry.fields} and clean(entry.first("BT")) != title:
        container_tags = ("T2", "BT", *container_tags[1:])
    year, date = _year_and_date(entry)
    start, end = entry.first("SP"), entry.first("EP")
    record = ParsedRecord(
        title=title,
        record_type=record_type,
        abstract=_paragraphs(entry.first("AB") or entry.first("N2")),
        authors=[a for a in map(author_from_family_first, names) if a is not None],
        year=year,
        date=date,
        container=clean(entry.first(*container_tags)),
        publisher=clean(entry.first("PB")),
        volume=clean(entry.first("VL")),
        issue=clean(entry.first("IS", "CP")),
        pages=normalise_pages(start) if "-" in start and not end else join_pages(start, end),
        doi=_doi(entry),
        pmid=_pmid(entry),
        pmcid=_first_match(_PMCID, entry.all("C2", "C1", "C3", "C4", "C5", "N1", "M2", "AN")),
        isbn=next((isbn for isbn in map(isbn_in, entry.all("SN", "BN")) if isbn), ""),
        url=clean(entry.first("UR", "L2").split(";")[0]) if entry.first("UR", "L2") else "",
        language=language_code(entry.first("LA")),
        keywords=unique(k for value in entry.all("KW", "DE") for k in value.split(";")),
        source_line=entry.line,
    )
    result.records.append(record)


def _year_and_date(entry: _Entry) -> tuple[int | None, str]:
    parsed = [parse_date(v) for v in entry.all("PY", "Y1", "DA", "Y2")]
    years = [year for year, _ in parsed if year is not None]
    if not years:
        return None, ""
    dates = [iso for year, iso in parsed if year == years[0]]
    return years[0], max(dates, key=len)


def _doi(entry: _Entry) -> str:
    doi = normalise_doi(entry.first("DO", "DI"))
    if doi:
        return doi
    for value in entry.all("DO", "DI", "M3", "UR", "L3"):
        found = DOI_IN_TEXT.search(value)
        if found and normalise_doi(found.group(1)):
            return normalise_doi(found.group(1))
    return ""


def _pmid(entry: _Entry) -> str:
    # EndNote and Ovid put the PubMed id in the accession number; Embase's are longer.
    for value in entry.all("AN", "PM"):
        digits = value.strip()
        if digits.isdecimal() and len(digits) <= 8:
            return digits
    return _first_match(_PMID, entry.all("AN", "PM", "N1", "M2"), group=1)


def _first_match(pattern: re.Pattern[str], values: list[str], group: int = 0) -> str:
    for value in values:
        found = pattern.search(value)
        if found:
            return found.group(group)
    return ""


def _paragraphs(text: str) -> str:
    return "\n".join(p for p in (clean(line) for line in text.split("\n")) if p)


def write_ris(records: list[ParsedRecord]) -> str:
    """RIS as Zotero and EndNote read it. RIS has no place for concepts, OpenAlex ids (work or
    author), ORCIDs or open-access details; the PMID goes in AN and the PMCID in C2, as EndNote
    keeps them."""
    return "".join(_entry(record) for record in records)


def _entry(record: ParsedRecord) -> str:
    lines = [("TY", _WRITE_TYPES.get(record.record_type, "GEN")), ("TI", record.title)]
    lines += [("AU", family_first(author)) for author in record.authors]
    lines.append(("T2", record.container))
    lines.append(("PY", str(record.year) if record.year else ""))
    lines.append(("DA", record.date.replace("-", "/") if "-" in record.date else ""))
    first, last = split_pages(record.pages)
    lines += [("VL", record.volume), ("IS", record.issue), ("SP", first), ("EP", last)]
    lines += [("PB", record.publisher), ("SN", record.isbn), ("DO", record.doi)]
    lines += [("AN", record.pmid), ("C2", record.pmcid), ("UR", record.url)]
    lines.append(("LA", record.language))
    lines += [("KW", keyword) for keyword in record.keywords]
    if record.record_type is RecordType.GUIDELINE:
        lines.append(("M3", "Guideline"))
    lines.append(("AB", _abstract_lines(record.abstract)))
    body = "".join(
        f"{tag}  - {value if tag == 'AB' else clean(value)}\n" for tag, value in lines if value
    )
    return f"{body}ER  - \n\n"


def _abstract_lines(abstract: str) -> str:
    paragraphs = [p for p in (clean(line) for line in abstract.split("\n")) if p]
    # A paragraph that opens like a tag ("UK  - ...") would be read as one: keep it on one line.
    if any(_TAG_ONE_SPACE.match(p) for p in paragraphs[1:]):
        return " ".join(paragraphs)
    return "\n".join(paragraphs)
