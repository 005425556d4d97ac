"""OpenAlex, against its recorded answers: a work by DOI, two cursor pages, an author, an
institution and a refused filter."""

import json
from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import (
    BadResponse,
    ClientConfig,
    InvalidIdentifier,
    NotFound,
    OpenAlexClient,
)
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded, recording

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")
WITH_KEY = ClientConfig(mailto="llyfrgell@caerwen.gov.uk", openalex_api_key="k-123")
WORK = "openalex_work_doi_10.1371_journal.pone.0000030.json"


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def test_it_fetches_a_work_by_doi_politely() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "api.openalex.org"
        assert request.url.path == "/works/https://doi.org/10.1371/journal.pone.0000030"
        assert dict(request.url.params) == {"mailto": "llyfrgell@caerwen.gov.uk"}
        return recorded(WORK)

    work = OpenAlexClient(CONFIG, transport=httpx.MockTransport(answer)).work(
        "doi:10.1371/journal.pone.0000030"
    )

    assert work["id"] == "https://openalex.org/W1982728624"
    assert work["doi"] == "https://doi.org/10.1371/journal.pone.0000030"
    assert work["publication_year"] == 2006
    assert work["open_access"]["oa_status"] == "gold"
    assert len(work["authorships"]) == 5
    assert sum(1 for a in work["authorships"] if a["author"]["orcid"]) == 2
    assert "abstract_inverted_index" in work


def test_it_sends_the_api_key_instead_of_the_address_when_it_has_one() -> None:
    replay = Replay(recorded(WORK))

    OpenAlexClient(WITH_KEY, transport=replay.transport).work("https://openalex.org/W1982728624")

    assert replay.request.url.path == "/works/W1982728624"
    assert dict(replay.request.url.params) == {"api_key": "k-123"}


def test_it_turns_a_work_into_a_record() -> None:
    replay = Replay(recorded(WORK))

    record = OpenAlexClient(CONFIG, transport=replay.transport).work_record("W1982728624")

    assert record.doi == "10.1371/journal.pone.0000030"
    assert record.openalex_id == "W1982728624"
    assert record.title.startswith("Triose Phosphate Isomerase Deficiency Is Caused by Altered")
    assert record.year == 2006
    assert record.pmid == "17183658"
    assert record.oa_status == "gold"
    assert len(record.authors) == 5
    assert [a.orcid for a in record.authors if a.orcid] == [
        "0000-0001-9535-7413",
        "0000-0003-0868-9036",
    ]


def test_it_follows_the_cursor_to_the_last_page() -> None:
    first = json.loads(recording("openalex_works_filter_cites_cursor_page1.json"))
    next_cursor = first["meta"]["next_cursor"]

    def answer(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        assert params["filter"] == "cites:W3046863325|W3045921891"
        assert params["per-page"] == "200"
        assert params["mailto"] == "llyfrgell@caerwen.gov.uk"
        if params["cursor"] == "*":
            return recorded("openalex_works_filter_cites_cursor_page1.json")
        assert params["cursor"] == next_cursor
        return recorded("openalex_works_filter_cursor_last_page.json")

    replay = Replay(answer)
    client = OpenAlexClient(CONFIG, transport=replay.transport)
    works = list(client.works("cites:W3046863325|W3045921891"))

    assert [w["id"] for w in works] == [
        "https://openalex.org/W4311043552",
        "https://openalex.org/W4293919086",
        "https://openalex.org/W4387316167",
        "https://openalex.org/W4415603090",
        "https://openalex.org/W7104728135",
    ]
    assert len(replay.requests) == 2


def test_it_fetches_only_the_pages_that_are_read() -> None:
    replay = Replay(recorded("openalex_works_filter_cites_cursor_page1.json"))

    works = OpenAlexClient(CONFIG, transport=replay.transport).works("cites:W3046863325")
    first = next(works)

    assert first["doi"] == "https://doi.org/10.36312/esaintika.v6i3.897"
    assert len(replay.requests) == 1


def test_it_reports_a_refused_filter_in_openalex_words() -> None:
    replay = Replay(recorded("openalex_error_400_invalid_filter.json", 400))

    with pytest.raises(BadResponse) as raised:
        list(OpenAlexClient(CONFIG, transport=replay.transport).works("DOESNTEXIST:1"))

    assert str(raised.value) == ("OpenAlex refused the request: DOESNTEXIST is not a valid field.")
    # The full answer (every valid field) is kept for the logs.
    assert "authorships.author.orcid" in raised.value.detail
    assert len(replay.requests) == 1


def test_it_fetches_an_author_by_id_or_orcid() -> None:
    replay = Replay(recorded("openalex_author_A5023888391.json"))
    client = OpenAlexClient(CONFIG, transport=replay.transport)

    author = client.author("A5023888391")
    assert replay.request.url.path == "/authors/A5023888391"
    client.author("https://orcid.org/0000-0001-6187-6610")
    assert replay.request.url.path == "/authors/https://orcid.org/0000-0001-6187-6610"

    assert author["display_name"] == "Jason Priem"
    assert author["orcid"] == "https://orcid.org/0000-0001-6187-6610"
    assert len(author["topics"]) == 25
    assert len(author["affiliations"]) == 8


def test_it_fetches_an_institution_by_id_or_ror() -> None:
    replay = Replay(recorded("openalex_institution_I27837315.json"))
    client = OpenAlexClient(CONFIG, transport=replay.transport)

    institution = client.institution("I27837315")
    assert replay.request.url.path == "/institutions/I27837315"
    client.institution("https://ror.org/00jmfr291")
    assert replay.request.url.path == "/institutions/ror:00jmfr291"

    assert institution["display_name"] == "University of Michigan"
    assert institution["ror"] == "https://ror.org/00jmfr291"
    assert institution["type"] == "funder"  # sic: OpenAlex's own classification


def test_it_reports_an_unknown_work_plainly() -> None:
    replay = Replay(httpx.Response(404, json={"error": "Not Found"}))

    with pytest.raises(NotFound) as raised:
        OpenAlexClient(CONFIG, transport=replay.transport).work("W1")

    assert str(raised.value) == "No record was found for OpenAlex ID W1."


def test_it_refuses_identifiers_of_the_wrong_kind_without_asking() -> None:
    replay = Replay(httpx.Response(500))
    client = OpenAlexClient(CONFIG, transport=replay.transport)

    with pytest.raises(InvalidIdentifier, match="neither a DOI nor an OpenAlex work ID"):
        client.work("A5023888391")
    with pytest.raises(InvalidIdentifier, match="neither an ORCID nor an OpenAlex author ID"):
        client.author("Jason Priem")
    with pytest.raises(InvalidIdentifier, match="neither a ROR ID nor an OpenAlex institution"):
        client.institution("W1982728624")

    assert replay.requests == []
