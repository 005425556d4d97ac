"""A piece of research as the parsers and API clients read it, before it is a library record.
Every importer (RIS, BibTeX, CSV, OpenAlex, PubMed, PDF, Crossref ...) produces these, and every
exporter writes them, so formats never talk to the database."""

from dataclasses import dataclass, field
from enum import StrEnum


class RecordType(StrEnum):
    ARTICLE = "article"
    REPORT = "report"
    BOOK = "book"
    CHAPTER = "chapter"
    GUIDELINE = "guideline"
    THESIS = "thesis"
    DATASET = "dataset"
    WEBPAGE = "webpage"
    POLICY = "policy"
    GREY = "grey"


@dataclass
class Author:
    family: str
    given: str = ""
    orcid: str = ""  # bare form: 0000-0002-1825-0097
    openalex_id: str = ""  # bare form: A5023888391

    @property
    def display(self) -> str:
        return f"{self.given} {self.family}".strip()


@dataclass
class ParsedRecord:
    title: str
    record_type: RecordType = RecordType.ARTICLE
    abstract: str = ""
    authors: list[Author] = field(default_factory=list)
    year: int | None = None
    date: str = ""  # ISO 8601, as precise as known: "2019", "2019-04", "2019-04-23"
    container: str = ""  # journal, book title, series
    publisher: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""  # normalised: lower case, no https://doi.org/
    pmid: str = ""
    pmcid: str = ""  # PMC1234567
    openalex_id: str = ""  # W1982728624
    isbn: str = ""
    url: str = ""
    language: str = ""  # ISO 639-1 where known: "en", "cy"
    keywords: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)  # subject terms from the source
    oa_status: str = ""  # gold, green, hybrid, bronze, diamond, closed, or "" if unknown
    oa_url: str = ""  # the best open copy
    oa_licence: str = ""  # e.g. cc-by
    source_line: int | None = None  # line (or row) of the file where the entry began


@dataclass(frozen=True)
class ParseProblem:
    """Something in a file that could not be read as it stands, for the import report.

    `template` is the untranslated English, with `%(name)s` placeholders for `params`, written as
    `_("...")` where the problem is found so that makemessages extracts it (see lib.messages).
    To show it in another language, translate the template, then fill in the params."""

    line: int | None  # line or row number, counted from 1
    template: str
    # Left out of the hash, which a dict cannot be part of; still compared.
    params: dict[str, str | int] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The problem in plain English."""
        return self.template % self.params if self.params else self.template


@dataclass
class ParseResult:
    records: list[ParsedRecord] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
