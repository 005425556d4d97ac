"""Unpaywall: whether a DOI has a legal open copy, and where the best one is."""

from dataclasses import dataclass
from typing import Any

import httpx

from pontio.lib.clients.base import ClientConfig, ServiceClient
from pontio.lib.clients.crossref import doi_path, require_doi


@dataclass(frozen=True)
class OpenAccess:
    doi: str
    is_oa: bool
    oa_status: str  # gold, green, hybrid, bronze, diamond or closed
    best_url: str = ""  # the PDF where there is one, else the landing page
    licence: str = ""  # "cc-by", "implied-oa"...; "" when there is none (bronze) or no copy
    host_type: str = ""  # "publisher" or "repository"
    version: str = ""  # publishedVersion, acceptedVersion or submittedVersion


class UnpaywallClient(ServiceClient):
    service = "Unpaywall"
    base_url = "https://api.unpaywall.org"

    def __init__(self, config: ClientConfig, *, transport: httpx.BaseTransport | None = None):
        # Unpaywall refuses (422) any request without a real contact address.
        if not config.mailto:
            raise ValueError("Unpaywall needs a contact email address: set ClientConfig.mailto.")
        super().__init__(config, transport=transport)

    def open_access(self, doi: str) -> OpenAccess:
        doi = require_doi(doi, service=self.service)
        body = self.get_json(
            f"/v2/{doi_path(doi)}",
            params={"email": self.config.mailto},
            missing=f"No record was found for DOI {doi}.",
        )
        return open_access_from_unpaywall(body)


def open_access_from_unpaywall(body: dict[str, Any]) -> OpenAccess:
    best = body.get("best_oa_location") or {}
    is_oa = bool(body.get("is_oa"))
    return OpenAccess(
        doi=body.get("doi") or "",
        is_oa=is_oa,
        oa_status=body.get("oa_status") or ("closed" if not is_oa else ""),
        best_url=best.get("url")
        or best.get("url_for_pdf")
        or best.get("url_for_landing_page")
        or "",
        licence=best.get("license") or "",  # already short: cc-by, implied-oa ...
        host_type=best.get("host_type") or "",
        version=best.get("version") or "",
    )
