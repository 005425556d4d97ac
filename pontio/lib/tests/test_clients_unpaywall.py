"""Unpaywall, against its recorded answers: a gold, a bronze and a closed DOI."""

from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import ClientConfig, NotFound, UnpaywallClient
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded
from pontio.lib.clients.unpaywall import OpenAccess

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def test_it_finds_a_gold_copy() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "api.unpaywall.org"
        assert request.url.path == "/v2/10.1016/j.xgen.2025.100814"
        assert dict(request.url.params) == {"email": "llyfrgell@caerwen.gov.uk"}
        return recorded("unpaywall_10.1016_j.xgen.2025.100814_gold.json")

    client = UnpaywallClient(CONFIG, transport=httpx.MockTransport(answer))

    assert client.open_access("https://doi.org/10.1016/J.XGEN.2025.100814") == OpenAccess(
        doi="10.1016/j.xgen.2025.100814",
        is_oa=True,
        oa_status="gold",
        best_url="https://doi.org/10.1016/j.xgen.2025.100814",
        licence="cc-by",
        host_type="publisher",
        version="publishedVersion",
    )


def test_it_finds_a_bronze_copy_without_a_licence() -> None:
    replay = Replay(recorded("unpaywall_10.1073_pnas.1414271111_bronze.json"))

    access = UnpaywallClient(CONFIG, transport=replay.transport).open_access(
        "10.1073/pnas.1414271111"
    )

    assert access.is_oa
    assert access.oa_status == "bronze"
    assert access.best_url == "https://www.pnas.org/content/pnas/111/45/E4832.full.pdf"
    assert access.licence == ""
    assert access.host_type == "publisher"


def test_it_reports_a_closed_article() -> None:
    replay = Replay(recorded("unpaywall_10.1023_a_1007154515475_closed.json"))

    access = UnpaywallClient(CONFIG, transport=replay.transport).open_access(
        "10.1023/A:1007154515475"
    )

    # The colon stays as it is, as in the recorded request URL.
    assert replay.request.url.path == "/v2/10.1023/a:1007154515475"
    assert access == OpenAccess(doi="10.1023/a:1007154515475", is_oa=False, oa_status="closed")


def test_it_reports_an_unknown_doi_plainly() -> None:
    replay = Replay(httpx.Response(404, json={"HTTP_status_code": 404, "error": True}))

    with pytest.raises(NotFound) as raised:
        UnpaywallClient(CONFIG, transport=replay.transport).open_access("10.1371/notarealdoi")

    assert str(raised.value) == "No record was found for DOI 10.1371/notarealdoi."


def test_it_needs_a_contact_address() -> None:
    with pytest.raises(ValueError, match="Unpaywall needs a contact email address"):
        UnpaywallClient(ClientConfig(mailto=""))
