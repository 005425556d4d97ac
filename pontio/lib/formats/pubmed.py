"""PubMed's own formats: MEDLINE/.nbib text (PubMed's "Save" and citation-manager download)
and the XML that E-utilities efetch returns."""

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from pontio.lib.formats.encoding import FormatError, check_not_empty
from pontio.lib.formats.fields import (
    clean,
    expand_page_range,
    isbn_in,
    iso_date,
    join_pages,
    language_code,
    month_number,
    parse_date,
    unique,
)
from pontio.lib.formats.names import author_from_family_first
from pontio.lib.messages import _
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import Author, ParsedRecord, ParseProblem, ParseResult, RecordType

_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])", re.IGNORECASE)


def _orcid(text: str | None) -> str:
    found = _ORCID.search(text or "")
    return "-".join(found.groups()).upper() if found else ""


def _record_type(publication_types: list[str], *, book: bool, chapter: bool) -> RecordType:
    kinds = " | ".join(publication_types).lower()
    if "guideline" in kinds:
        return RecordType.GUIDELINE
    if "dataset" in kinds:
        return RecordType.DATASET
    if chapter:
        return RecordType.CHAPTER
    if book:
        return RecordType.BOOK
    return RecordType.ARTICLE


def _mesh_term(heading: str) -> str:
    """ "Cryopreservation/*methods" -> "Cryopreservation": the descriptor without qualifiers."""
    return heading.split("/")[0].replace("*", "").strip()


# MEDLINE text -------------------------------------------------------------------------------

# "PMID- 123", "TI  - Title", "FAU - Smith, John": a tag padded to four characters, then "- ".
_NBIB_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3}) *-(?: (.*))?$")


@dataclass
class _Citation:
    line: int
    fields: list[tuple[str, str]] = field(default_factory=list)

    def first(self, *tags: str) -> str:
        for tag in tags:
            for name, value in self.fields:
                if name == tag and value.strip():
                    return clean(value)
        return ""

    def all(self, tag: str) -> list[str]:
        return [clean(value) for name, value in self.fields if name == tag and value.strip()]


def parse_nbib(text: str) -> ParseResult:
    check_not_empty(text)
    if not re.search(r"^PMID- ", text, re.MULTILINE):
        raise FormatError(
            _('This does not look like a PubMed (MEDLINE) file: no record starts with "PMID- ".')
        )
    result = ParseResult()
    citations: list[_Citation] = []
    current: _Citation | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if line[:1].isspace() and current is not None and current.fields:
            tag, value = current.fields[-1]  # a wrapped line, indented six spaces
            current.fields[-1] = (tag, f"{value} {line.strip()}")
            continue
        match = _NBIB_LINE.match(line.rstrip())
        if match and len(line) >= 5 and line[4] == "-":
            tag, value = match.group(1), (match.group(2) or "").strip()
            if tag == "PMID":
                current = _Citation(number)
                citations.append(current)
            if current is not None:
                current.fields.append((tag, value))
                continue
        if current is None:
            problem = ParseProblem(
                number,
                _("This line comes before the first record (PMID line) and was skipped."),
            )
        else:
            problem = ParseProblem(
                number,
                _('This line is not a PubMed field and was skipped: "%(line)s"'),
                {"line": line.strip()[:80]},
            )
        result.problems.append(problem)
    for citation in citations:
        record = _nbib_record(citation)
        if record is None:
            result.problems.append(
                ParseProblem(
                    citation.line, _("This record has no title (TI line), so it was skipped.")
                )
            )
        else:
            result.records.append(record)
    return result


def _nbib_record(citation: _Citation) -> ParsedRecord | None:
    book_title = citation.first("BTI")
    title = citation.first("TI") or book_title
    if not title:
        return None
    year, date = parse_date(citation.first("DP"))
    dois = [v for v in citation.all("LID") + citation.all("AID") if v.endswith("[doi]")]
    publication_types = citation.all("PT")
    chapter = bool(book_title) and title != book_title
    return ParsedRecord(
        title=title,
        record_type=_record_type(
            publication_types,
            book=bool(book_title) or bool(citation.first("ISBN")),
            chapter=chapter,
        ),
        abstract=citation.first("AB"),
        authors=_nbib_authors(citation.fields),
        year=year,
        date=date,
        container=book_title if chapter else citation.first("JT", "TA"),
        publisher=citation.first("PB"),
        volume=citation.first("VI"),
        issue=citation.first("IP"),
        pages=expand_page_range(citation.first("PG")),
        doi=normalise_doi(dois[0].removesuffix("[doi]")) if dois else "",
        pmid=citation.first("PMID"),
        pmcid=citation.first("PMC"),
        isbn=isbn_in(" ".join(citation.all("ISBN"))),
        language=language_code(citation.first("LA")),
        keywords=unique(citation.all("OT")),
        concepts=unique(_mesh_term(term) for term in citation.all("MH")),
        source_line=citation.line,
    )


def _nbib_authors(fields: list[tuple[str, str]]) -> list[Author]:
    """FAU gives the full name and AU the short one of the same person; AUID follows its person."""
    authors: list[Author] = []
    waiting_for_short_name = False
    for tag, value in fields:
        if tag == "FAU" or (tag == "AU" and not waiting_for_short_name):
            author = author_from_family_first(value)
            if author is not None:
                authors.append(author)
            waiting_for_short_name = tag == "FAU"
        elif tag == "AU":
            waiting_for_short_name = False
        elif tag == "CN" and clean(value):
            authors.append(Author(family=clean(value)))
            waiting_for_short_name = False
        elif tag == "AUID" and authors and "orcid" in value.lower():
            authors[-1].orcid = _orcid(value)
    return authors


# efetch XML -----------------------------------------------------------------------------------


def parse_pubmed_xml(text: str | bytes) -> ParseResult:
    """Bytes as NCBI sends them are best: the XML declaration then names their encoding."""
    if not text.strip():
        raise FormatError(_("The file is empty."))
    try:
        root = fromstring(text)
    except (ParseError, DefusedXmlException) as error:
        # The XML parser's own words, in English: they are passed on as they are.
        raise FormatError(
            _("This is not a readable XML file: %(error)s."), {"error": str(error)}
        ) from error
    articles = [
        element for element in root.iter() if element.tag in ("PubmedArticle", "PubmedBookArticle")
    ]
    if not articles:
        raise FormatError(_("This XML file holds no PubMed articles (no PubmedArticle element)."))
    result = ParseResult()
    for position, article in enumerate(articles, start=1):
        record = _xml_record(article)
        if record is None:
            pmid = _text(article.find(".//PMID"))
            result.problems.append(
                ParseProblem(
                    None, _("PMID %(pmid)s has no title, so it was skipped."), {"pmid": pmid}
                )
                if pmid
                else ParseProblem(
                    None,
                    _("Article %(position)s has no title, so it was skipped."),
                    {"position": position},
                )
            )
        else:
            result.records.append(record)
    return result


def _text(element: Element | None) -> str:
    """All the text inside an element, MathML and <i> included, on one line."""
    return clean("".join(element.itertext())) if element is not None else ""


def _xml_record(article: Element) -> ParsedRecord | None:
    book_title = _text(article.find(".//Book/BookTitle"))
    title = _text(article.find(".//ArticleTitle")) or book_title
    if not title:
        return None
    ids = {
        element.get("IdType", ""): _text(element)
        for element in article.findall(".//PubmedData/ArticleIdList/ArticleId")
    }
    doi_element = next((e for e in article.iter("ELocationID") if e.get("EIdType") == "doi"), None)
    pub_date = article.find(".//JournalIssue/PubDate")
    year, date = _xml_date(pub_date if pub_date is not None else article.find(".//Book/PubDate"))
    chapter = bool(book_title) and title != book_title
    publication_types = [_text(e) for e in article.iter("PublicationType")]
    return ParsedRecord(
        title=title,
        record_type=_record_type(publication_types, book=bool(book_title), chapter=chapter),
        abstract="\n".join(_abstract_paragraphs(article)),
        authors=_xml_authors(article),
        year=year,
        date=date,
        container=book_title if chapter else _text(article.find(".//Journal/Title")),
        publisher=_text(article.find(".//Book/Publisher/PublisherName")),
        volume=_text(article.find(".//JournalIssue/Volume")),
        issue=_text(article.find(".//JournalIssue/Issue")),
        pages=_xml_pages(article),
        doi=normalise_doi(ids.get("doi") or _text(doi_element)),
        pmid=_text(article.find(".//PMID")),
        pmcid=ids.get("pmc", ""),
        isbn=isbn_in(_text(article.find(".//Book/Isbn"))),
        language=language_code(_text(article.find(".//Language"))),
        keywords=unique(_text(e) for e in article.iter("Keyword")),
        concepts=unique(_text(e) for e in article.iter("DescriptorName")),
    )


def _abstract_paragraphs(article: Element) -> list[str]:
    paragraphs = []
    for part in article.findall(".//Abstract/AbstractText"):
        label = part.get("Label")
        body = _text(part)
        paragraphs.append(f"{label}: {body}" if label and body else body)
    return [p for p in paragraphs if p]


def _xml_authors(article: Element) -> list[Author]:
    authors = []
    author_list = article.find(".//AuthorList")
    for person in author_list.findall("Author") if author_list is not None else []:
        collective = _text(person.find("CollectiveName"))
        if collective:
            authors.append(Author(family=collective))
            continue
        family = _text(person.find("LastName"))
        if not family:
            continue
        given = _text(person.find("ForeName")) or _text(person.find("Initials"))
        orcid = next(
            (_orcid(_text(i)) for i in person.findall("Identifier") if i.get("Source") == "ORCID"),
            "",
        )
        authors.append(Author(family=family, given=given, orcid=orcid))
    return authors


def _xml_date(pub_date: Element | None) -> tuple[int | None, str]:
    if pub_date is None:
        return None, ""
    medline_date = _text(pub_date.find("MedlineDate"))
    if medline_date:
        return parse_date(medline_date)  # "2001 Jun-Jul", "1998 Spring"
    year_text = _text(pub_date.find("Year"))
    if not year_text.isdecimal():
        return None, ""
    year = int(year_text)
    month = month_number(_text(pub_date.find("Month")))
    day_text = _text(pub_date.find("Day"))
    return year, iso_date(year, month, int(day_text) if day_text.isdecimal() else None)


def _xml_pages(article: Element) -> str:
    start = _text(article.find(".//Pagination/StartPage"))
    if start:
        return join_pages(start, _text(article.find(".//Pagination/EndPage")))
    return expand_page_range(_text(article.find(".//Pagination/MedlinePgn")))
