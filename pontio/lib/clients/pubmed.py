"""PubMed through NCBI's E-utilities: full records for known PMIDs, fetched as MEDLINE XML."""

import re
from collections.abc import Sequence

from pontio.lib.clients.base import BadResponse, InvalidIdentifier, ServiceClient
from pontio.lib.records import ParsedRecord

# NCBI asks that a GET carry at most about 200 IDs; longer lists go in several requests.
BATCH = 200
_PMID = re.compile(r"^\d{1,9}$")
_EMPTY_SET = re.compile(rb"<PubmedArticleSet\s*(/>|>\s*</PubmedArticleSet>)\s*$")


class PubMedClient(ServiceClient):
    service = "PubMed"
    base_url = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    accept = "application/xml"

    def fetch_xml(self, pmids: Sequence[str]) -> bytes:
        """The efetch XML (a PubmedArticleSet) for up to BATCH PMIDs."""
        for pmid in pmids:
            if not _PMID.match(pmid):
                raise InvalidIdentifier(f"This is not a PubMed ID: “{pmid}”.", service=self.service)
        response = self.get(
            "/efetch.fcgi",
            # NCBI asks callers to name their tool and give an address it can write to.
            params={
                "db": "pubmed",
                "id": ",".join(pmids),
                "retmode": "xml",
                "tool": "pontio",
                **self.contact("email"),
            },
            missing=f"No PubMed record was found for {', '.join(pmids)}.",
        )
        return response.content

    def fetch(self, pmids: Sequence[str]) -> list[ParsedRecord]:
        """ParsedRecords for the PMIDs PubMed knows; unknown ones are simply absent."""
        pmids = [str(p).strip() for p in pmids]
        records: list[ParsedRecord] = []
        for start in range(0, len(pmids), BATCH):
            records.extend(self._parse(self.fetch_xml(pmids[start : start + BATCH])))
        return records

    def _parse(self, xml: bytes) -> list[ParsedRecord]:
        # Imported when needed: importing pontio.lib.formats loads every parser, PDF included.
        from pontio.lib.formats.encoding import FormatError
        from pontio.lib.formats.pubmed import parse_pubmed_xml

        try:
            return parse_pubmed_xml(xml).records
        except FormatError as error:
            # For PMIDs it does not know, efetch answers 200 with an empty PubmedArticleSet.
            if _EMPTY_SET.search(xml):
                return []
            raise BadResponse(
                f"{self.service} sent a reply that could not be read.",
                service=self.service,
                detail=error.message,
            ) from error
