"""PubMed's efetch, against its recorded XML: one article, and two in one request."""

from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import BadResponse, ClientConfig, InvalidIdentifier, PubMedClient
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded, recording

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")
TWO = "pubmed_efetch_11748933_11700088.xml"


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def xml(name: str) -> httpx.Response:
    return recorded(name, content_type="text/xml")


def test_it_asks_efetch_for_xml_and_names_itself() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "eutils.ncbi.nlm.nih.gov"
        assert request.url.path == "/entrez/eutils/efetch.fcgi"
        assert dict(request.url.params) == {
            "db": "pubmed",
            "id": "11748933,11700088",
            "retmode": "xml",
            "tool": "pontio",
            "email": "llyfrgell@caerwen.gov.uk",
        }
        return xml(TWO)

    client = PubMedClient(CONFIG, transport=httpx.MockTransport(answer))

    assert client.fetch_xml(["11748933", "11700088"]) == recording(TWO)


def test_it_refuses_what_is_not_a_pmid_without_asking() -> None:
    replay = Replay(xml(TWO))

    with pytest.raises(InvalidIdentifier) as raised:
        PubMedClient(CONFIG, transport=replay.transport).fetch_xml(["11748933", "PMC12120539"])

    assert str(raised.value) == "This is not a PubMed ID: “PMC12120539”."
    assert replay.requests == []


def test_it_reads_the_articles() -> None:
    replay = Replay(xml(TWO))

    records = PubMedClient(CONFIG, transport=replay.transport).fetch(["11748933", "11700088"])

    assert [r.pmid for r in records] == ["11748933", "11700088"]
    assert records[0].title.startswith("Is cryopreservation a homogeneous process?")
    assert records[0].container == "Cryobiology"
    assert records[0].year == 2001


def test_it_reads_an_orcid() -> None:
    replay = Replay(xml("pubmed_efetch_29963580.xml"))

    (record,) = PubMedClient(CONFIG, transport=replay.transport).fetch(["29963580"])

    assert record.pmid == "29963580"
    assert any(a.orcid for a in record.authors)


def test_it_fetches_long_lists_in_batches() -> None:
    replay = Replay(xml(TWO))
    pmids = [str(n) for n in range(1, 251)]

    PubMedClient(CONFIG, transport=replay.transport).fetch(pmids)

    assert [len(r.url.params["id"].split(",")) for r in replay.requests] == [200, 50]


def test_it_returns_nothing_for_pmids_pubmed_does_not_know() -> None:
    # efetch's answer then: the recorded file's own header around an empty PubmedArticleSet.
    header = recording(TWO).split(b"<PubmedArticleSet>")[0]
    replay = Replay(
        httpx.Response(200, content=header + b"<PubmedArticleSet></PubmedArticleSet>\n")
    )

    assert PubMedClient(CONFIG, transport=replay.transport).fetch(["99999999"]) == []


def test_it_reports_unreadable_xml_as_a_bad_response() -> None:
    replay = Replay(httpx.Response(200, content=recording(TWO)[:3000]))

    with pytest.raises(BadResponse) as raised:
        PubMedClient(CONFIG, transport=replay.transport).fetch(["11748933"])

    assert str(raised.value) == "PubMed sent a reply that could not be read."
