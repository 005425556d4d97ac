"""HTTP clients for the scholarly-metadata APIs Pontio reads (Crossref, OpenAlex, Unpaywall, ORCID,
Europe PMC, PubMed, ROR). Pure Python: the caller passes a ClientConfig built from settings."""

from pontio.lib.clients.base import (
    BadResponse,
    ClientConfig,
    ClientError,
    InvalidIdentifier,
    NotFound,
    ServiceUnavailable,
)
from pontio.lib.clients.crossref import CrossrefClient
from pontio.lib.clients.europepmc import EuropePmcClient
from pontio.lib.clients.openalex import OpenAlexClient
from pontio.lib.clients.orcid import OrcidClient
from pontio.lib.clients.pubmed import PubMedClient
from pontio.lib.clients.ror import RorClient
from pontio.lib.clients.unpaywall import UnpaywallClient

__all__ = [
    "BadResponse",
    "ClientConfig",
    "ClientError",
    "CrossrefClient",
    "EuropePmcClient",
    "InvalidIdentifier",
    "NotFound",
    "OpenAlexClient",
    "OrcidClient",
    "PubMedClient",
    "RorClient",
    "ServiceUnavailable",
    "UnpaywallClient",
]
