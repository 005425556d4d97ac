"""Europe PMC, against its recorded searches: 25 "core" results and 5 "lite" ones."""

import json
from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import ClientConfig, EuropePmcClient
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded, recording
from pontio.lib.records import Author, RecordType

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")
CORE = "europepmc_search_cancer_core.json"
LITE = "europepmc_search_cancer_lite_pagesize5.json"


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def test_it_searches_core_results() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "www.ebi.ac.uk"
        assert request.url.path == "/europepmc/webservices/rest/search"
        assert dict(request.url.params) == {
            "query": "cancer",
            "resultType": "core",
            "pageSize": "25",
            "cursorMark": "*",
            "format": "json",
        }
        return recorded(CORE)

    records, cursor = EuropePmcClient(CONFIG, transport=httpx.MockTransport(answer)).search(
        "cancer"
    )

    assert cursor == "AoIIP4ZawSg1MzEyODI1MA=="
    assert len(records) == 25
    assert sum(1 for r in records if r.abstract) == 21
    assert sum(1 for r in records if r.doi) == 24
    assert sum(1 for r in records if r.pmcid) == 9
    assert all(r.pmid and r.year == 2025 and r.language == "en" for r in records)

    first = records[0]
    assert first.title == (
        "Abscopal response in a patient with fibrolamellar hepatocellular carcinoma following "
        "radiotherapy"
    )
    assert first.doi == "10.1016/s0140-6736(24)02600-x"
    assert first.pmid == "39709209"
    assert first.container == "Lancet (London, England)"
    assert (first.volume, first.issue, first.pages, first.date) == (
        "404",
        "10471",
        "2603-2604",
        "2025-12",
    )
    assert [a.display for a in first.authors] == [
        "Jonathan D Schoenfeld",
        "Daphne A Haas-Kogan",
        "Allison F O'Neill",
    ]
    assert first.oa_url == ""  # subscription only


def test_it_reads_orcids_abstract_headings_and_open_copies() -> None:
    records, _ = EuropePmcClient(CONFIG, transport=Replay(recorded(CORE)).transport).search(
        "cancer"
    )
    record = next(r for r in records if r.pmid == "40437959")

    assert record.authors == [
        Author(family="Kwok", given="Cannas"),
        Author(family="Xu", given="Xinyi", orcid="0000-0001-6913-0549"),
    ]
    assert record.pmcid == "PMC12120539"
    assert record.oa_url == "https://europepmc.org/articles/PMC12120539"
    assert record.oa_licence == "cc-by-nc-nd"
    assert record.keywords[:2] == ["Chinese", "Cancer Screening"]
    assert record.abstract.startswith("Issue addressed: Despite national cancer screening")
    assert record.abstract.split("\n\n")[1].startswith("Methods: A culturally tailored")
    assert "<h4>" not in record.abstract
    assert record.record_type == RecordType.ARTICLE

    with_mesh = next(r for r in records if r.concepts)
    assert "Humans" in with_mesh.concepts
    # <sub> in "H<sub>2</sub>S" is inline: the letters join up.
    assert any("Hydrogen sulfide (H2S)" in r.abstract for r in records)


def test_it_searches_lite_results_and_reads_author_strings() -> None:
    replay = Replay(recorded(LITE))

    records, cursor = EuropePmcClient(CONFIG, transport=replay.transport).search(
        "cancer", page_size=5, result_type="lite"
    )

    assert replay.request.url.params["resultType"] == "lite"
    assert replay.request.url.params["pageSize"] == "5"
    assert cursor == "AoIIP4lkIig1MzE0NTMwOA=="
    assert len(records) == 5
    assert records[0].authors == [
        Author(family="Schoenfeld", given="JD"),
        Author(family="Haas-Kogan", given="DA"),
        Author(family="O'Neill", given="AF"),
    ]
    assert records[0].container == "Lancet"
    assert records[0].volume == "404"
    assert records[0].abstract == ""
    assert records[1].title == "Department of Error"
    assert records[1].authors == []


def test_it_passes_the_cursor_on_and_stops_on_the_last_page() -> None:
    # The last page hands back the cursor it was given, with no results.
    body = json.loads(recording(LITE))
    body["nextCursorMark"] = "AoIIP4lkIig1MzE0NTMwOA=="
    body["resultList"]["result"] = []
    replay = Replay(httpx.Response(200, json=body))

    records, cursor = EuropePmcClient(CONFIG, transport=replay.transport).search(
        "cancer", cursor="AoIIP4lkIig1MzE0NTMwOA=="
    )

    assert replay.request.url.params["cursorMark"] == "AoIIP4lkIig1MzE0NTMwOA=="
    assert (records, cursor) == ([], None)
