"""A record written as a citation (APA or Harvard), for the record page and the reference
lists of evidence briefs."""

from typing import Any

from pontio.lib.citation import CitationSource, apa, harvard


def citation_source(record: Any) -> CitationSource:
    return CitationSource(
        title=record.title,
        authors=[(a.get("family", ""), a.get("given", "")) for a in record.authors],
        year=record.year,
        container=record.container,
        volume=record.volume,
        issue=record.issue,
        pages=record.pages,
        publisher=record.publisher,
        doi=record.doi,
        url=record.url,
        kind="article" if record.record_type == "article" else "other",
    )


def record_apa(record: Any) -> str:
    return apa(citation_source(record))


def record_harvard(record: Any) -> str:
    return harvard(citation_source(record))
