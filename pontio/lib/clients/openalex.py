"""OpenAlex: works, authors and institutions as the API's own dicts, and works as ParsedRecords
through the OpenAlex format converter."""

import re
from collections.abc import Iterator
from typing import Any

from pontio.lib.clients.base import InvalidIdentifier, ServiceClient, bare_orcid
from pontio.lib.clients.crossref import doi_path
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import ParsedRecord

_OPENALEX_ID = re.compile(r"^(?:https?://openalex\.org/)?([WAISPFT]\d+)$", re.IGNORECASE)
_ROR = re.compile(r"^(?:https?://ror\.org/)?(0[a-z0-9]{6}\d{2})$", re.IGNORECASE)


class OpenAlexClient(ServiceClient):
    service = "OpenAlex"
    base_url = "https://api.openalex.org"

    def _auth(self) -> dict[str, str]:
        # A key lifts the daily limit; without one, the contact address earns the polite pool.
        if self.config.openalex_api_key:
            return {"api_key": self.config.openalex_api_key}
        return self.contact()

    def _entity(self, kind: str, key: str, missing: str) -> dict[str, Any]:
        return self.get_json(f"/{kind}/{key}", params=self._auth(), missing=missing)

    def _openalex_id(self, value: str, letter: str) -> str:
        match = _OPENALEX_ID.match(value.strip())
        if match and match.group(1)[0].upper() == letter:
            return match.group(1).upper()
        return ""

    def work(self, id_or_doi: str) -> dict[str, Any]:
        """A work by OpenAlex ID ("W1982728624", or its URL) or by DOI, in any usual form."""
        if work_id := self._openalex_id(id_or_doi, "W"):
            return self._entity("works", work_id, f"No record was found for OpenAlex ID {work_id}.")
        if doi := normalise_doi(id_or_doi):
            return self._entity(
                "works", f"https://doi.org/{doi_path(doi)}", f"No record was found for DOI {doi}."
            )
        raise InvalidIdentifier(
            f"This is neither a DOI nor an OpenAlex work ID: “{id_or_doi}”.", service=self.service
        )

    def work_record(self, id_or_doi: str) -> ParsedRecord:
        """The same work as a ParsedRecord."""
        # Imported when needed: importing pontio.lib.formats loads every parser, PDF included.
        from pontio.lib.formats.openalex import record_from_openalex_work

        return record_from_openalex_work(self.work(id_or_doi))

    def works(self, filter: str, per_page: int = 200) -> Iterator[dict[str, Any]]:
        """Every work matching an OpenAlex filter ("cites:W3046863325"), page by page."""
        cursor: str | None = "*"  # cursor paging, because page numbers stop at 10,000 results
        while cursor:
            body = self.get_json(
                "/works",
                params={
                    "filter": filter,
                    "per-page": str(per_page),
                    "cursor": cursor,
                    **self._auth(),
                },
                missing="OpenAlex's works list could not be found.",
            )
            results = body.get("results") or []
            yield from results
            cursor = (body.get("meta") or {}).get("next_cursor") if results else None

    def author(self, id_or_orcid: str) -> dict[str, Any]:
        """An author by OpenAlex ID ("A5023888391") or by ORCID."""
        if author_id := self._openalex_id(id_or_orcid, "A"):
            return self._entity(
                "authors", author_id, f"No author was found for OpenAlex ID {author_id}."
            )
        if orcid := bare_orcid(id_or_orcid):
            return self._entity(
                "authors", f"https://orcid.org/{orcid}", f"No author was found for ORCID {orcid}."
            )
        raise InvalidIdentifier(
            f"This is neither an ORCID nor an OpenAlex author ID: “{id_or_orcid}”.",
            service=self.service,
        )

    def institution(self, id_or_ror: str) -> dict[str, Any]:
        """An institution by OpenAlex ID ("I27837315") or by ROR ID."""
        if institution_id := self._openalex_id(id_or_ror, "I"):
            return self._entity(
                "institutions",
                institution_id,
                f"No institution was found for OpenAlex ID {institution_id}.",
            )
        if match := _ROR.match(id_or_ror.strip()):
            ror = match.group(1).lower()
            return self._entity(
                "institutions", f"ror:{ror}", f"No institution was found for ROR ID {ror}."
            )
        raise InvalidIdentifier(
            f"This is neither a ROR ID nor an OpenAlex institution ID: “{id_or_ror}”.",
            service=self.service,
        )
