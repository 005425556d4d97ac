"""Citations in APA (7th edition) and Harvard (Cite Them Right) styles, as plain text, from the
fields a record keeps. Pure functions: the record page and the briefs' reference lists use them."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CitationSource:
    title: str
    authors: Sequence[tuple[str, str]]  # (family, given) in order
    year: int | None
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    url: str = ""
    kind: str = "article"


def _initials(given: str) -> str:
    parts = [p for p in given.replace("-", " -").split() if p]
    out = []
    for part in parts:
        if part.startswith("-") and len(part) > 1:
            out.append(f"-{part[1]}.")
        else:
            out.append(f"{part[0]}.")
    return " ".join(out).replace(" -", "-")


def _apa_name(family: str, given: str) -> str:
    return f"{family}, {_initials(given)}" if given else family


def _apa_authors(authors: Sequence[tuple[str, str]]) -> str:
    names = [_apa_name(f, g) for f, g in authors]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", … " + names[-1]


def _harvard_authors(authors: Sequence[tuple[str, str]]) -> str:
    names = [f"{f}, {_initials(g).replace(' ', '')}" if g else f for f, g in authors]
    if not names:
        return ""
    if len(names) >= 4:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _link(source: CitationSource) -> str:
    if source.doi:
        return f"https://doi.org/{source.doi}"
    return source.url


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def apa(source: CitationSource) -> str:
    year = f"({source.year})" if source.year else "(n.d.)"
    authors = _apa_authors(source.authors)
    parts = [f"{authors} {year}." if authors else ""]
    title = _end(source.title)
    if not authors:
        parts = [f"{title} {year}."]
    else:
        parts.append(title)
    if source.kind == "article" and source.container:
        detail = source.container
        if source.volume:
            detail += f", {source.volume}"
            if source.issue:
                detail += f"({source.issue})"
        if source.pages:
            detail += f", {source.pages.replace('-', '–')}"
        parts.append(detail + ".")
    elif source.publisher:
        parts.append(_end(source.publisher))
    if link := _link(source):
        parts.append(link)
    return " ".join(p for p in parts if p)


def harvard(source: CitationSource) -> str:
    year = f"({source.year})" if source.year else "(no date)"
    authors = _harvard_authors(source.authors) or source.title
    text = f"{authors} {year} "
    text += f"'{source.title}'," if source.kind == "article" else f"{source.title}."
    if source.kind == "article" and source.container:
        text += f" {source.container}"
        if source.volume:
            text += f", {source.volume}"
            if source.issue:
                text += f"({source.issue})"
        if source.pages:
            text += f", pp. {source.pages.replace('-', '–')}"
        text += "."
    elif source.publisher:
        text += f" {_end(source.publisher)}"
    if link := _link(source):
        text += f" Available at: {link}"
    return text.strip()
