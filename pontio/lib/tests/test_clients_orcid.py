"""ORCID, against its recorded v3.0 answers: a person, their works, and an unknown iD."""

import json
from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import ClientConfig, InvalidIdentifier, NotFound, OrcidClient
from pontio.lib.clients.orcid import OrcidWork, ResearcherUrl
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded, recording

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")
PETER = "0000-0002-9341-7985"


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def test_it_reads_a_person() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "pub.orcid.org"
        assert request.url.path == f"/v3.0/{PETER}/person"
        assert request.headers["Accept"] == "application/vnd.orcid+json"
        return recorded("orcid_v3_0000-0002-9341-7985_person.json")

    client = OrcidClient(CONFIG, transport=httpx.MockTransport(answer))
    person = client.person(f"https://orcid.org/{PETER}")

    assert person.orcid == PETER
    assert person.name == "Peter Binfield"
    assert (person.given_names, person.family_name, person.credit_name) == ("Peter", "Binfield", "")
    assert person.countries == ["US"]
    assert person.external_ids == {"Scopus Author ID": "55224382400"}
    # His profile leaves these empty.
    assert (person.other_names, person.biography, person.keywords, person.urls) == ([], "", [], [])


def test_it_reads_the_sections_a_fuller_profile_has() -> None:
    # The recorded profile with its empty sections filled in, in ORCID v3.0's shapes.
    body = json.loads(recording("orcid_v3_0000-0002-9341-7985_person.json"))
    body["name"]["credit-name"] = {"value": "Pete Binfield"}
    body["other-names"]["other-name"] = [{"content": "P. Binfield", "display-index": 1}]
    body["biography"] = {"content": "Co-founder of PeerJ.", "visibility": "public"}
    body["keywords"]["keyword"] = [{"content": "open access"}, {"content": "publishing"}]
    body["researcher-urls"]["researcher-url"] = [
        {"url-name": "PeerJ", "url": {"value": "https://peerj.com"}}
    ]
    replay = Replay(httpx.Response(200, json=body))

    person = OrcidClient(CONFIG, transport=replay.transport).person(PETER)

    assert person.name == "Pete Binfield"
    assert person.other_names == ["P. Binfield"]
    assert person.biography == "Co-founder of PeerJ."
    assert person.keywords == ["open access", "publishing"]
    assert person.urls == [ResearcherUrl(name="PeerJ", url="https://peerj.com")]


def test_it_reads_works_from_their_groups() -> None:
    replay = Replay(recorded("orcid_v3_0000-0002-9341-7985_works.json"))

    works = OrcidClient(CONFIG, transport=replay.transport).works(PETER)

    assert replay.request.url.path == f"/v3.0/{PETER}/works"
    assert len(works) == 8
    assert works[0] == OrcidWork(
        title="PeerJ - A case study in improving research collaboration at the journal level",
        year=2013,
        doi="10.3233/isu-130714",
        type="journal-article",
        journal="",
    )
    assert [w.doi for w in works if w.doi] == [
        "10.3233/isu-130714",
        "10.1038/npre.2009.2801",
        "10.1080/03615260801973992",
        "10.1080/03615260801973414",
    ]
    assert [w.year for w in works] == [2013, 2009, 2009, 2008, 2008, 1993, 1993, 1992]
    assert [w.type for w in works].count("conference-paper") == 2


def test_it_reports_an_unknown_orcid_plainly() -> None:
    replay = Replay(recorded("orcid_v3_404_person.json", 404))

    with pytest.raises(NotFound) as raised:
        OrcidClient(CONFIG, transport=replay.transport).person("0000-0001-2345-6789")

    assert str(raised.value) == "No ORCID record was found for 0000-0001-2345-6789."


def test_it_refuses_what_is_not_an_orcid_without_asking() -> None:
    # The recorded 404 came from asking for "asdfadf"; Pontio does not ask.
    replay = Replay(recorded("orcid_v3_404_person.json", 404))

    with pytest.raises(InvalidIdentifier) as raised:
        OrcidClient(CONFIG, transport=replay.transport).person("asdfadf")

    assert str(raised.value) == "This is not an ORCID iD: “asdfadf”."
    assert replay.requests == []
