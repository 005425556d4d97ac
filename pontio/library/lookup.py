"""Looking a piece of research up by DOI (or a web address that contains one): Crossref for
the bibliographic record, OpenAlex for identifiers, subjects and abstracts Crossref lacks, and
Unpaywall for the best open copy. Nothing is saved here: the person sees what was found first."""

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from pontio.lib.clients.base import ClientConfig, ClientError, NotFound, ServiceUnavailable
from pontio.lib.clients.crossref import CrossrefClient
from pontio.lib.clients.openalex import OpenAlexClient
from pontio.lib.clients.unpaywall import UnpaywallClient
from pontio.lib.normalise import DOI_IN_TEXT, normalise_doi
from pontio.lib.records import ParsedRecord


class LookupFailed(Exception):
    """Why a look-up found nothing, in words a person can act on."""


def transport() -> httpx.BaseTransport | None:
    """The HTTP transport for outbound calls: the real network, except in tests."""
    return None


def client_config() -> ClientConfig:
    """How Pontio introduces itself to the scholarly APIs (a contact address, an API key)."""
    return ClientConfig(mailto=settings.CONTACT_EMAIL, openalex_api_key=settings.OPENALEX_API_KEY)


def doi_from(identifier: str) -> str:
    doi = normalise_doi(identifier)
    if not doi and (found := DOI_IN_TEXT.search(identifier)):
        doi = normalise_doi(found.group(1))
    return doi


def lookup(identifier: str) -> ParsedRecord:
    doi = doi_from(identifier.strip())
    if not doi:
        raise LookupFailed(
            _(
                "We could not find a DOI in “%(text)s”. A DOI starts with 10., for "
                "example 10.1111/cfs.12345. For research without a DOI, add it by "
                "hand."
            )
            % {"text": identifier[:100]}
        )
    config, how = client_config(), transport()
    record: ParsedRecord | None = None
    unreachable = []
    try:
        with CrossrefClient(config, transport=how) as crossref:
            record = crossref.work(doi)
    except NotFound:
        pass
    except ClientError as error:
        unreachable.append(error)
    try:
        with OpenAlexClient(config, transport=how) as openalex:
            from_openalex = openalex.work_record(doi)
        record = _combine(record, from_openalex) if record else from_openalex
    except NotFound:
        pass
    except ClientError as error:
        unreachable.append(error)
    if record is None:
        if unreachable:
            raise LookupFailed(
                _(
                    "Crossref and OpenAlex could not be reached, so nothing was "
                    "looked up or saved. Try again in a few minutes."
                )
            )
        raise LookupFailed(
            _("No research was found with the DOI %(doi)s. Check it, or add the research by hand.")
            % {"doi": doi}
        )
    try:
        with UnpaywallClient(config, transport=how) as unpaywall:
            access = unpaywall.open_access(doi)
        record.oa_status = access.oa_status or record.oa_status
        record.oa_url = access.best_url or record.oa_url
        record.oa_licence = access.licence or record.oa_licence
    except (NotFound, ServiceUnavailable, ClientError):
        pass  # the open copy is a bonus: the record is still worth saving without it
    record.doi = doi
    return record


def _combine(first: ParsedRecord, second: ParsedRecord) -> ParsedRecord:
    """Crossref's record, with what only OpenAlex knows filled in."""
    for name in (
        "abstract",
        "openalex_id",
        "pmid",
        "pmcid",
        "language",
        "oa_status",
        "oa_url",
        "oa_licence",
        "container",
        "volume",
        "issue",
        "pages",
    ):
        if not getattr(first, name) and getattr(second, name):
            setattr(first, name, getattr(second, name))
    first.concepts = first.concepts or second.concepts
    first.keywords = first.keywords or second.keywords
    if second.authors and len(second.authors) == len(first.authors):
        for mine, theirs in zip(first.authors, second.authors, strict=True):
            mine.orcid = mine.orcid or theirs.orcid
            mine.openalex_id = mine.openalex_id or theirs.openalex_id
    return first
