"""What every client shares: retries on transient failures only, the plain-English errors, and the
headers and timeouts of the HTTP client. Each behaviour is checked through every client."""

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import stamina

from pontio.lib.clients import (
    BadResponse,
    ClientConfig,
    CrossrefClient,
    EuropePmcClient,
    NotFound,
    OpenAlexClient,
    OrcidClient,
    PubMedClient,
    RorClient,
    ServiceUnavailable,
    UnpaywallClient,
)
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded, recording

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    # Retries happen, but stamina's test mode skips the back-off sleeps.
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


# For each service: one call, the recording that answers it, and a check on the result.
Call = Callable[[httpx.MockTransport, ClientConfig], Any]
SERVICES: dict[str, tuple[Call, str, Callable[[Any], bool]]] = {
    "Crossref": (
        lambda t, c: CrossrefClient(c, transport=t).work("10.2196/22081"),
        "crossref_work_10.2196_22081.json",
        lambda r: r.doi == "10.2196/22081",
    ),
    "OpenAlex": (
        lambda t, c: OpenAlexClient(c, transport=t).work("W1982728624"),
        "openalex_work_doi_10.1371_journal.pone.0000030.json",
        lambda r: r["id"] == "https://openalex.org/W1982728624",
    ),
    "Unpaywall": (
        lambda t, c: UnpaywallClient(c, transport=t).open_access("10.1073/pnas.1414271111"),
        "unpaywall_10.1073_pnas.1414271111_bronze.json",
        lambda r: r.oa_status == "bronze",
    ),
    "ORCID": (
        lambda t, c: OrcidClient(c, transport=t).person("0000-0002-9341-7985"),
        "orcid_v3_0000-0002-9341-7985_person.json",
        lambda r: r.name == "Peter Binfield",
    ),
    "Europe PMC": (
        lambda t, c: EuropePmcClient(c, transport=t).search("cancer"),
        "europepmc_search_cancer_core.json",
        lambda r: len(r[0]) == 25,
    ),
    "PubMed": (
        lambda t, c: PubMedClient(c, transport=t).fetch_xml(["29963580"]),
        "pubmed_efetch_29963580.xml",
        lambda r: b'<PMID Version="1">29963580</PMID>' in r,
    ),
    "ROR": (
        lambda t, c: RorClient(c, transport=t).organization("013meh722"),
        "ror_v2_organization_013meh722.json",
        lambda r: r.name == "University of Cambridge",
    ),
}
JSON_SERVICES = [name for name in SERVICES if name != "PubMed"]


@pytest.mark.parametrize("service", SERVICES)
def test_it_gives_up_after_max_attempts_when_the_network_is_down(service: str) -> None:
    call, _, _ = SERVICES[service]
    replay = Replay(httpx.ConnectError("Name or service not known"))

    with pytest.raises(ServiceUnavailable) as raised:
        call(replay.transport, CONFIG)

    assert len(replay.requests) == 3
    assert str(raised.value) == (
        f"{service} could not be reached. Check the connection and try again; nothing was saved."
    )
    assert raised.value.service == service


def test_it_tries_as_often_as_configured() -> None:
    call, _, _ = SERVICES["Crossref"]
    replay = Replay(httpx.ConnectError("refused"))

    with pytest.raises(ServiceUnavailable):
        call(replay.transport, ClientConfig(mailto="a@example.org", max_attempts=5))

    assert len(replay.requests) == 5


@pytest.mark.parametrize("service", SERVICES)
def test_it_retries_a_503_and_succeeds(service: str) -> None:
    call, name, check = SERVICES[service]
    content_type = "application/xml" if name.endswith(".xml") else "application/json"
    replay = Replay(
        httpx.Response(503, text="Service Unavailable"), recorded(name, 200, content_type)
    )

    assert check(call(replay.transport, CONFIG))
    assert len(replay.requests) == 2


def test_it_retries_timeouts_and_dropped_connections() -> None:
    call, name, check = SERVICES["ROR"]
    replay = Replay(httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped"), recorded(name))

    assert check(call(replay.transport, CONFIG))
    assert len(replay.requests) == 3


def test_it_retries_a_429_that_asks_for_a_short_wait() -> None:
    call, name, check = SERVICES["OpenAlex"]
    replay = Replay(httpx.Response(429, headers={"Retry-After": "2"}), recorded(name))

    assert check(call(replay.transport, CONFIG))
    assert len(replay.requests) == 2


def test_it_gives_up_at_once_on_a_429_that_asks_for_a_long_wait() -> None:
    call, _, _ = SERVICES["OpenAlex"]
    replay = Replay(httpx.Response(429, headers={"Retry-After": "3600"}))

    with pytest.raises(ServiceUnavailable):
        call(replay.transport, CONFIG)

    assert len(replay.requests) == 1


def test_it_does_not_retry_a_refusal() -> None:
    call, _, _ = SERVICES["Crossref"]
    replay = Replay(httpx.Response(403, text="Forbidden"))

    with pytest.raises(BadResponse) as raised:
        call(replay.transport, CONFIG)

    assert str(raised.value) == "Crossref refused the request: Forbidden"
    assert len(replay.requests) == 1


@pytest.mark.parametrize("service", SERVICES)
def test_it_reports_a_404_as_not_found_without_retrying(service: str) -> None:
    call, _, _ = SERVICES[service]
    replay = Replay(httpx.Response(404, text="Resource not found."))

    with pytest.raises(NotFound):
        call(replay.transport, CONFIG)

    assert len(replay.requests) == 1


@pytest.mark.parametrize("service", JSON_SERVICES)
def test_it_reports_malformed_json_as_a_bad_response(service: str) -> None:
    call, name, _ = SERVICES[service]
    cut_short = recording(name)[:200]  # the first 200 bytes of the real body: not valid JSON
    replay = Replay(
        httpx.Response(200, headers={"Content-Type": "application/json"}, content=cut_short)
    )

    with pytest.raises(BadResponse) as raised:
        call(replay.transport, CONFIG)

    assert str(raised.value) == f"{service} sent a reply that could not be read."
    assert len(replay.requests) == 1


def test_it_reports_json_of_the_wrong_shape_as_a_bad_response() -> None:
    call, _, _ = SERVICES["ROR"]
    replay = Replay(httpx.Response(200, json=["not", "an", "object"]))

    with pytest.raises(BadResponse, match="unexpected shape"):
        call(replay.transport, CONFIG)


@pytest.mark.parametrize("service", SERVICES)
def test_it_identifies_itself_with_a_contact_address(service: str) -> None:
    call, name, _ = SERVICES[service]
    replay = Replay(recorded(name))

    call(replay.transport, CONFIG)

    assert replay.request.headers["User-Agent"] == "Pontio/0.1 (mailto:llyfrgell@caerwen.gov.uk)"


def test_it_uses_the_configured_timeout_and_user_agent() -> None:
    config = ClientConfig(mailto="a@example.org", timeout=2.5, user_agent="Pontio-test/1")

    with CrossrefClient(config, transport=Replay().transport) as client:
        assert client.http.timeout == httpx.Timeout(2.5)
        assert client.http.headers["User-Agent"] == "Pontio-test/1"
        assert client.http.follow_redirects

    assert client.http.is_closed


def test_it_sends_no_empty_contact_address() -> None:
    call, name, _ = SERVICES["Crossref"]
    replay = Replay(recorded(name))

    call(replay.transport, ClientConfig(mailto=""))

    assert "mailto" not in replay.request.url.params
    assert replay.request.headers["User-Agent"] == "Pontio/0.1"
