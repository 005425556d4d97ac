"""Adding research by DOI, against recorded real responses of Crossref, OpenAlex and
Unpaywall: what was found is shown before anything is saved; failures say why."""

from pathlib import Path
from typing import Any

import httpx
import pytest

from pontio.accounts.models import Person
from pontio.library.models import Record
from pontio.organisations.models import Organisation

RECORDINGS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "api-responses"
pytestmark = pytest.mark.skipif(
    not RECORDINGS.is_dir(), reason=f"the recorded API responses are not in {RECORDINGS}"
)


@pytest.fixture(autouse=True)
def _no_waiting_between_retries() -> Any:
    import stamina

    stamina.set_testing(True)
    yield
    stamina.set_testing(False)


def replay(monkeypatch: pytest.MonkeyPatch, handler: Any) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)  # type: ignore[no-any-return]

    monkeypatch.setattr("pontio.library.lookup.transport", lambda: httpx.MockTransport(record))
    return seen


def recorded(name: str, status: int = 200) -> httpx.Response:
    return httpx.Response(
        status,
        content=(RECORDINGS / name).read_bytes(),
        headers={"Content-Type": "application/json"},
    )


def crossref_world(request: httpx.Request) -> httpx.Response:
    host = request.url.host
    if host == "api.crossref.org":
        return recorded("crossref_work_10.2196_22081.json")
    if host == "api.openalex.org":
        return httpx.Response(404, json={"error": "not found"})
    return recorded("unpaywall_10.1016_j.xgen.2025.100814_gold.json")


def test_it_shows_what_was_found_then_saves(
    client_for: Any, broker: Person, council: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = replay(monkeypatch, crossref_world)
    client = client_for(broker)
    preview = client.post("/library/add/doi/", {"identifier": "https://doi.org/10.2196/22081"})
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "What Pontio found" in body and "10.2196/22081" in body
    assert not Record.objects.exists()  # nothing saved yet
    assert any("mailto" in str(r.url) for r in seen if r.url.host == "api.crossref.org")
    response = client.post("/library/add/doi/", {"save": "1", "visibility": "partnership"})
    assert response.status_code == 302
    record = Record.objects.get()
    assert record.doi == "10.2196/22081" and record.source == "lookup"
    assert record.oa_status == "gold"


def test_an_unknown_doi_says_so(
    client_for: Any, broker: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    replay(
        monkeypatch,
        lambda r: httpx.Response(
            404,
            content=(RECORDINGS / "crossref_work_404_notarealdoi.txt").read_bytes(),
            headers={"Content-Type": "text/plain"},
        ),
    )
    body = (
        client_for(broker)
        .post("/library/add/doi/", {"identifier": "10.1371/notarealdoi"})
        .content.decode()
    )
    assert "No research was found with the DOI 10.1371/notarealdoi" in body
    assert not Record.objects.exists()


def test_a_network_failure_says_so_and_saves_nothing(
    client_for: Any, broker: Person, monkeypatch: pytest.MonkeyPatch
) -> None:

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    replay(monkeypatch, down)
    body = (
        client_for(broker)
        .post("/library/add/doi/", {"identifier": "10.2196/22081"})
        .content.decode()
    )
    assert "could not be reached" in body
    assert not Record.objects.exists()


def test_text_without_a_doi_is_explained(client_for: Any, broker: Person) -> None:
    body = (
        client_for(broker)
        .post("/library/add/doi/", {"identifier": "a report about foster care"})
        .content.decode()
    )
    assert "could not find a DOI" in body


def test_a_pdf_is_looked_up_by_the_doi_in_its_text_and_attached(
    client_for: Any, broker: Person, council: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import TestCase

    from pontio.lib.tests.test_formats_pdf import make_pdf
    from pontio.library.models import Import, RecordFile

    replay(monkeypatch, crossref_world)
    pdf = make_pdf(["A paper about research use", "https://doi.org/10.2196/22081"])
    client = client_for(broker)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            "/library/import/",
            {"file": SimpleUploadedFile("paper.pdf", pdf), "visibility": "partnership"},
        )
    job = Import.objects.get()
    assert (job.imported, job.rejected) == (1, 0), list(job.rows.values())
    record = Record.objects.get()
    assert record.doi == "10.2196/22081"
    assert record.title != "A paper about research use"  # Crossref's title, not the PDF's
    attached = RecordFile.objects.get()
    assert attached.record == record and not attached.openly_licensed


def test_the_api_adds_by_doi(
    client: Any, broker: Person, council: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pontio.accounts.services import api_token_create

    replay(monkeypatch, crossref_world)
    _token, secret = api_token_create(person=broker, name="t")
    response = client.post(
        "/api/v1/records/lookup",
        {"doi": "10.2196/22081"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 201, response.content
    assert response.json()["doi"] == "10.2196/22081"
    again = client.post(
        "/api/v1/records/lookup",
        {"doi": "10.2196/22081"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert again.status_code == 409
