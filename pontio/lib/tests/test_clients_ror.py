"""ROR, against its recorded v2 answers: Cambridge (with a Welsh label) and a Uruguayan funder."""

from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import ClientConfig, InvalidIdentifier, NotFound, RorClient
from pontio.lib.clients.ror import RorName
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def test_it_reads_an_organization() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "api.ror.org"
        assert request.url.path == "/v2/organizations/013meh722"
        return recorded("ror_v2_organization_013meh722.json")

    client = RorClient(CONFIG, transport=httpx.MockTransport(answer))
    cambridge = client.organization("https://ror.org/013meh722")

    assert cambridge.ror_id == "013meh722"
    assert cambridge.url == "https://ror.org/013meh722"
    assert cambridge.name == "University of Cambridge"
    assert cambridge.labels == [
        RorName("Prifysgol Caergrawnt", "cy", ("label",)),
        RorName("University of Cambridge", "en", ("ror_display", "label")),
    ]
    assert cambridge.label_in("cy") == "Prifysgol Caergrawnt"
    assert cambridge.label_in("fr") == "University of Cambridge"
    assert [a.value for a in cambridge.aliases] == ["Cambridge University"]
    assert cambridge.types == ["education", "funder"]
    assert cambridge.status == "active"
    assert (cambridge.country_code, cambridge.country_name, cambridge.city) == (
        "GB",
        "United Kingdom",
        "Cambridge",
    )
    assert cambridge.links == {
        "website": "https://www.cam.ac.uk",
        "wikipedia": "http://en.wikipedia.org/wiki/University_of_Cambridge",
    }
    assert cambridge.external_ids["grid"] == ["grid.5335.0"]
    assert cambridge.external_ids["isni"] == ["0000 0001 2188 5934"]
    assert cambridge.external_ids["wikidata"][0] == "Q35794"
    assert len(cambridge.external_ids["fundref"]) == 47
    assert cambridge.established == 1209


def test_it_keeps_accents_and_acronyms_without_a_language() -> None:
    replay = Replay(recorded("ror_v2_organization_02trn6p95.json"))

    csic = RorClient(CONFIG, transport=replay.transport).organization("ror.org/02trn6p95")

    assert replay.request.url.path == "/v2/organizations/02trn6p95"
    assert csic.name == "Comisión Sectorial de Investigación Científica"
    assert csic.acronyms == [RorName("CSIC", "", ("acronym",))]
    assert csic.types == ["funder", "government"]
    assert csic.country_code == "UY"
    # No preferred FundRef ID: the only one is still listed.
    assert csic.external_ids == {"fundref": ["501100006049"], "grid": ["grid.467285.a"]}
    assert csic.links == {"website": "http://www.csic.edu.uy/"}


def test_it_reports_an_unknown_organization_plainly() -> None:
    replay = Replay(httpx.Response(404, json={"errors": ["ROR ID '000000000' does not exist"]}))

    with pytest.raises(NotFound) as raised:
        RorClient(CONFIG, transport=replay.transport).organization("000000000")

    assert str(raised.value) == "No organisation was found for ROR ID 000000000."


def test_it_refuses_what_is_not_a_ror_id_without_asking() -> None:
    replay = Replay(httpx.Response(500))

    with pytest.raises(InvalidIdentifier, match="This is not a ROR ID"):
        RorClient(CONFIG, transport=replay.transport).organization("University of Cambridge")

    assert replay.requests == []
