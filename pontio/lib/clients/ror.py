"""The Research Organization Registry (ROR, schema v2): an organisation's names in each
language, its kind, country, links and identifiers in other registries."""

import re
from dataclasses import dataclass, field
from typing import Any

from pontio.lib.clients.base import InvalidIdentifier, ServiceClient

_ROR = re.compile(r"^(?:https?://)?(?:ror\.org/)?(0[a-z0-9]{6}\d{2})$", re.IGNORECASE)


@dataclass(frozen=True)
class RorName:
    value: str
    lang: str = ""  # ISO 639-1, "" when ROR gives none (usual for acronyms)
    types: tuple[str, ...] = ()  # ror_display, label, alias, acronym


@dataclass
class RorOrganization:
    ror_id: str  # bare: 013meh722
    name: str  # the name ROR displays
    names: list[RorName] = field(default_factory=list)
    types: list[str] = field(default_factory=list)  # education, funder, government...
    status: str = ""  # active, inactive, withdrawn
    country_code: str = ""  # GB
    country_name: str = ""
    city: str = ""
    links: dict[str, str] = field(default_factory=dict)  # {"website": ..., "wikipedia": ...}
    # {"grid": ["grid.5335.0"], ...}; the preferred ID first where ROR names one.
    external_ids: dict[str, list[str]] = field(default_factory=dict)
    established: int | None = None

    @property
    def url(self) -> str:
        return f"https://ror.org/{self.ror_id}"

    def _named(self, kind: str) -> list[RorName]:
        return [n for n in self.names if kind in n.types]

    @property
    def labels(self) -> list[RorName]:
        """Official names, one per language: the Welsh one is here when ROR has it."""
        return self._named("label")

    @property
    def aliases(self) -> list[RorName]:
        return self._named("alias")

    @property
    def acronyms(self) -> list[RorName]:
        return self._named("acronym")

    def label_in(self, lang: str) -> str:
        """The official name in a language ("cy"), or the display name if there is none."""
        return next((n.value for n in self.labels if n.lang == lang), self.name)


def require_ror(value: str, *, service: str) -> str:
    match = _ROR.match((value or "").strip())
    if not match:
        raise InvalidIdentifier(f"This is not a ROR ID: “{value}”.", service=service)
    return match.group(1).lower()


class RorClient(ServiceClient):
    service = "ROR"
    base_url = "https://api.ror.org/v2"

    def organization(self, ror_id: str) -> RorOrganization:
        ror_id = require_ror(ror_id, service=self.service)
        body = self.get_json(
            f"/organizations/{ror_id}", missing=f"No organisation was found for ROR ID {ror_id}."
        )
        return organization_from_ror(body)


def _external_ids(body: dict[str, Any]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for entry in body.get("external_ids") or []:
        ids = [str(i) for i in entry.get("all") or []]
        preferred = entry.get("preferred")
        if preferred:
            ids = [preferred, *(i for i in ids if i != preferred)]
        result[entry.get("type") or ""] = ids
    return result


def organization_from_ror(body: dict[str, Any]) -> RorOrganization:
    names = [
        RorName(
            value=n.get("value") or "", lang=n.get("lang") or "", types=tuple(n.get("types") or ())
        )
        for n in body.get("names") or []
    ]
    display = next((n.value for n in names if "ror_display" in n.types), "")
    place = ((body.get("locations") or [{}])[0]).get("geonames_details") or {}
    links: dict[str, str] = {}
    for link in body.get("links") or []:
        links.setdefault(link.get("type") or "", link.get("value") or "")
    established = body.get("established")
    return RorOrganization(
        ror_id=(body.get("id") or "").rpartition("/")[2],
        name=display or (names[0].value if names else ""),
        names=names,
        types=list(body.get("types") or []),
        status=body.get("status") or "",
        country_code=place.get("country_code") or "",
        country_name=place.get("country_name") or "",
        city=place.get("name") or "",
        links=links,
        external_ids=_external_ids(body),
        established=established if isinstance(established, int) else None,
    )
