"""ORCID's public API (v3.0): a researcher's public profile and their list of works."""

import re
from dataclasses import dataclass, field
from typing import Any

from pontio.lib.clients.base import InvalidIdentifier, ServiceClient
from pontio.lib.normalise import normalise_doi

_ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$", re.IGNORECASE)


@dataclass(frozen=True)
class ResearcherUrl:
    name: str
    url: str


@dataclass
class OrcidPerson:
    orcid: str
    given_names: str = ""
    family_name: str = ""
    credit_name: str = ""  # the name the person chose to be credited by, if any
    other_names: list[str] = field(default_factory=list)
    biography: str = ""
    keywords: list[str] = field(default_factory=list)
    urls: list[ResearcherUrl] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO 3166 codes: "GB"
    external_ids: dict[str, str] = field(default_factory=dict)  # {"Scopus Author ID": "5522..."}

    @property
    def name(self) -> str:
        return self.credit_name or f"{self.given_names} {self.family_name}".strip()


@dataclass(frozen=True)
class OrcidWork:
    title: str
    year: int | None = None
    doi: str = ""  # normalised
    type: str = ""  # ORCID's own: journal-article, conference-paper, book-chapter...
    journal: str = ""


def require_orcid(value: str, *, service: str) -> str:
    match = _ORCID.match((value or "").strip())
    if not match:
        raise InvalidIdentifier(f"This is not an ORCID iD: “{value}”.", service=service)
    return match.group(1).upper()


class OrcidClient(ServiceClient):
    service = "ORCID"
    base_url = "https://pub.orcid.org/v3.0"
    accept = "application/vnd.orcid+json"

    def person(self, orcid: str) -> OrcidPerson:
        orcid = require_orcid(orcid, service=self.service)
        body = self.get_json(f"/{orcid}/person", missing=f"No ORCID record was found for {orcid}.")
        return person_from_orcid(orcid, body)

    def works(self, orcid: str) -> list[OrcidWork]:
        orcid = require_orcid(orcid, service=self.service)
        body = self.get_json(f"/{orcid}/works", missing=f"No ORCID record was found for {orcid}.")
        return [_work(group) for group in body.get("group") or [] if group.get("work-summary")]


def _value(data: Any) -> str:
    """ORCID wraps most strings: {"value": "Peter"}; absent ones are null."""
    return str(data.get("value") or "") if isinstance(data, dict) else ""


def _items(body: dict[str, Any], section: str, item: str) -> list[dict[str, Any]]:
    """The entries of a profile section: body["keywords"]["keyword"], or [] if it is empty."""
    items: list[dict[str, Any]] = (body.get(section) or {}).get(item) or []
    return items


def person_from_orcid(orcid: str, body: dict[str, Any]) -> OrcidPerson:
    name = body.get("name") or {}
    return OrcidPerson(
        orcid=orcid,
        given_names=_value(name.get("given-names")),
        family_name=_value(name.get("family-name")),
        credit_name=_value(name.get("credit-name")),
        other_names=[n.get("content") or "" for n in _items(body, "other-names", "other-name")],
        biography=(body.get("biography") or {}).get("content") or "",
        keywords=[k.get("content") or "" for k in _items(body, "keywords", "keyword")],
        urls=[
            ResearcherUrl(name=u.get("url-name") or "", url=_value(u.get("url")))
            for u in _items(body, "researcher-urls", "researcher-url")
        ],
        countries=[_value(a.get("country")) for a in _items(body, "addresses", "address")],
        external_ids={
            e.get("external-id-type") or "": e.get("external-id-value") or ""
            for e in _items(body, "external-identifiers", "external-identifier")
        },
    )


def _work(group: dict[str, Any]) -> OrcidWork:
    # A group gathers one work as several sources claim it; the first summary is the preferred.
    summary = group["work-summary"][0]
    ids = (group.get("external-ids") or {}).get("external-id") or []
    doi = next(
        (
            normalise_doi(i.get("external-id-value") or "")
            for i in ids
            if i.get("external-id-type") == "doi" and i.get("external-id-relationship") == "self"
        ),
        "",
    )
    year = _value((summary.get("publication-date") or {}).get("year"))
    return OrcidWork(
        title=_value((summary.get("title") or {}).get("title")),
        year=int(year) if year.isdecimal() else None,
        doi=doi,
        type=summary.get("type") or "",
        journal=_value(summary.get("journal-title")),
    )
