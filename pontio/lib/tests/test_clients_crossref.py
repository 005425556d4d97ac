"""Crossref, against its recorded answers: two works with JATS abstracts, a search, and a 404."""

import json
from collections.abc import Iterator

import httpx
import pytest
import stamina

from pontio.lib.clients import ClientConfig, CrossrefClient, InvalidIdentifier, NotFound
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded, recording
from pontio.lib.records import Author, RecordType

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

CONFIG = ClientConfig(mailto="llyfrgell@caerwen.gov.uk")


@pytest.fixture(autouse=True)
def _no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


def test_it_reads_a_work_with_a_structured_abstract() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.method == "GET"
        assert request.url.host == "api.crossref.org"
        assert request.url.path == "/works/10.1136/jclinpath-2020-206745"
        assert request.url.params["mailto"] == "llyfrgell@caerwen.gov.uk"
        assert request.headers["Accept"] == "application/json"
        return recorded("crossref_work_10.1136_jclinpath-2020-206745.json")

    record = CrossrefClient(CONFIG, transport=httpx.MockTransport(answer)).work(
        "https://doi.org/10.1136/JCLINPATH-2020-206745"
    )

    # The title's <i> tags go, and so do the line breaks that were only layout.
    assert record.title == (
        "Construction of a reference material panel for detecting KRAS/NRAS/EGFR/BRAF/MET "
        "mutations in plasma ctDNA"
    )
    assert record.doi == "10.1136/jclinpath-2020-206745"
    assert record.record_type == RecordType.ARTICLE
    assert record.year == 2020
    assert record.date == "2020-08-17"
    assert record.container == "Journal of Clinical Pathology"
    assert record.publisher == "BMJ"
    assert (record.volume, record.issue, record.pages) == ("74", "5", "314-320")
    assert record.language == "en"
    assert record.oa_licence == "cc-by-nc"
    assert record.url == "https://jcp.bmj.com/lookup/doi/10.1136/jclinpath-2020-206745"
    assert record.concepts == []

    assert len(record.authors) == 15
    assert record.authors[0] == Author(family="Xu", given="Jun")
    assert [a.orcid for a in record.authors if a.orcid] == ["0000-0002-3513-6501"]
    assert record.authors[13].family == "Yang"

    paragraphs = record.abstract.split("\n\n")
    assert [p.split(":")[0] for p in paragraphs] == [
        "Background",
        "Objective",
        "Methods",
        "Results",
        "Conclusion",
    ]
    assert paragraphs[0] == (
        "Background: The absence of high-quality next-generation sequencing (NGS) reference "
        "material (RM) has impeded the clinical use of liquid biopsies with plasma cell-free DNA "
        "(cfDNA) in China."
    )
    assert "viral oncogene (KRAS)/neuroblastoma ras oncogene (NRAS)/" in paragraphs[1]
    assert "<" not in record.abstract


def test_it_reads_orcids_in_their_older_http_form() -> None:
    replay = Replay(recorded("crossref_work_10.2196_22081.json"))

    record = CrossrefClient(CONFIG, transport=replay.transport).work("10.2196/22081")

    assert replay.request.url.path == "/works/10.2196/22081"
    assert record.title == (
        "Investigating Patients\u2019 Intention to Continue Using Teleconsultation to Anticipate "
        "Postcrisis Momentum: Survey Study"
    )
    assert [a.display for a in record.authors] == [
        "Antoine Grenier Ouimet",
        "Gerit Wagner",
        "Louis Raymond",
        "Guy Pare",
    ]
    assert [a.orcid for a in record.authors] == [
        "0000-0002-2947-0386",
        "0000-0003-3926-7717",
        "0000-0003-1631-8171",
        "0000-0001-7425-1994",
    ]
    assert record.container == "Journal of Medical Internet Research"
    assert record.publisher == "JMIR Publications Inc."
    assert (record.year, record.date) == (2020, "2020-11-26")
    assert (record.volume, record.issue, record.pages) == ("22", "11", "e22081")
    assert record.concepts == ["Health Informatics"]
    assert record.oa_licence == ""  # Crossref has no licence for it
    assert record.url == "http://www.jmir.org/2020/11/e22081/"
    assert record.abstract.startswith("Background: The COVID-19 crisis has drastically changed")
    assert record.abstract.count("\n\n") == 4


def test_it_searches() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/works"
        assert dict(request.url.params) == {
            "query": "ecology",
            "rows": "2",
            "mailto": "llyfrgell@caerwen.gov.uk",
        }
        return recorded("crossref_works_query_ecology_rows2.json")

    records = CrossrefClient(CONFIG, transport=httpx.MockTransport(answer)).search(
        "ecology", rows=2
    )

    assert [r.title for r in records] == ["Communicating Ecology", "Chemical Ecology"]
    assert [r.doi for r in records] == [
        "10.1093/obo/9780199830060-0238",
        "10.1093/obo/9780199830060-0023",
    ]
    # Oxford Bibliographies entries: "reference-entry", an entry in a larger work.
    assert {r.record_type for r in records} == {RecordType.CHAPTER}
    assert {r.isbn for r in records} == {"9780199830060"}
    assert {r.container for r in records} == {"Ecology"}
    assert records[0].authors == []
    assert records[1].authors == [Author(family="Kessler", given="André")]
    assert [r.year for r in records] == [2022, 2012]
    assert records[0].abstract.startswith("Communication is perhaps the most important")
    assert records[1].abstract.startswith("“Ours is a world of sights and sounds.")
    assert "<p>" not in records[1].abstract


def test_it_reports_an_unknown_doi_plainly() -> None:
    replay = Replay(recorded("crossref_work_404_notarealdoi.txt", 404, "text/plain"))

    with pytest.raises(NotFound) as raised:
        CrossrefClient(CONFIG, transport=replay.transport).work("10.1371/notarealdoi")

    assert str(raised.value) == "No record was found for DOI 10.1371/notarealdoi."
    assert replay.request.url.path == "/works/10.1371/notarealdoi"
    assert len(replay.requests) == 1


def test_it_refuses_what_is_not_a_doi_without_asking() -> None:
    replay = Replay(httpx.Response(500))

    with pytest.raises(InvalidIdentifier) as raised:
        CrossrefClient(CONFIG, transport=replay.transport).work("pubmed 12345")

    assert str(raised.value) == "This is not a DOI: “pubmed 12345”."
    assert replay.requests == []


def test_it_drops_a_lone_abstract_heading_and_decodes_entities() -> None:
    # Many publishers deposit the abstract under a single "Abstract" title.
    body = json.loads(recording("crossref_work_10.2196_22081.json"))
    body["message"]["abstract"] = (
        "<jats:title>Abstract</jats:title>\n  <jats:p>Risk &amp; protective factors "
        "(<jats:italic>n</jats:italic>\n  = 40).</jats:p>"
    )
    replay = Replay(httpx.Response(200, json=body))

    record = CrossrefClient(CONFIG, transport=replay.transport).work("10.2196/22081")

    assert record.abstract == "Risk & protective factors (n = 40)."
