"""Importing files: the report, re-running a file, malformed entries, encodings, empty and
oversized files, a crash half-way, and CSV column mapping."""

from typing import Any
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from pontio.accounts.models import Person
from pontio.library.importing import import_run
from pontio.library.models import DuplicateCandidate, Import, ImportStatus, Record
from pontio.library.tests.helpers import RIS, make_record
from pontio.organisations.models import Organisation


def upload(client: Any, name: str, data: bytes, **extra: Any) -> Any:
    # The import job starts when the upload's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            "/library/import/",
            {"file": SimpleUploadedFile(name, data), "visibility": "partnership", **extra},
        )


def test_it_imports_a_ris_file_and_reports(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    client = client_for(broker)
    response = upload(client, "zotero.ris", RIS.encode())
    job = Import.objects.get()
    assert response.url == f"/library/import/{job.pk}/"
    assert job.status == ImportStatus.FINISHED
    assert (job.imported, job.merged, job.rejected) == (2, 0, 0)
    page = client.get(response.url).content.decode()
    assert "Import finished" in page and "Educational outcomes" in page
    record = Record.objects.get(doi="10.1111/cfs.12345")
    assert [a["family"] for a in record.authors] == ["Jones", "Evans"]
    assert "ŵyr" in Record.objects.get(record_type="report").title


def test_importing_the_same_file_again_adds_nothing_twice(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    client = client_for(broker)
    upload(client, "zotero.ris", RIS.encode())
    upload(client, "zotero.ris", RIS.encode())
    assert Record.objects.count() == 2
    second = Import.objects.order_by("-pk").first()
    assert second is not None and (second.imported, second.merged) == (0, 2)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_it_reads_common_encodings(
    client_for: Any, broker: Person, council: Organisation, encoding: str
) -> None:
    text = (
        RIS.replace("ŵyr ac wyresau", "café “quoted”")
        if encoding in ("cp1252",)
        else RIS.replace("ŵyr ac wyresau", "café")
        if encoding == "latin-1"
        else RIS
    )
    upload(client_for(broker), "export.ris", text.encode(encoding))
    titles = set(Record.objects.values_list("title", flat=True))
    assert any("café" in t or "ŵyr" in t for t in titles)


def test_a_malformed_entry_is_rejected_with_its_line(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    broken = RIS + "\nTY  - JOUR\nAU  - Nobody, No\nPY  - 2020\nER  - \n"
    client = client_for(broker)
    upload(client, "broken.ris", broken.encode())
    job = Import.objects.get()
    assert (job.imported, job.rejected) == (2, 1)
    row = job.rows.get(outcome="rejected")
    assert row.line is not None and row.line > 20
    assert "title" in row.message.lower()
    report = client.get(f"/library/import/{job.pk}/", {"outcome": "rejected"}).content.decode()
    assert row.message in report


def test_an_empty_file_is_refused_clearly(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    response = upload(client_for(broker), "empty.ris", b"   \n")
    assert "The file is empty" in response.content.decode()
    assert not Import.objects.exists()


def test_an_oversized_file_is_refused_clearly(
    client_for: Any, broker: Person, council: Organisation, settings: Any
) -> None:
    settings.LIBRARY_MAX_IMPORT_MB = 0
    response = upload(client_for(broker), "big.ris", RIS.encode())
    assert "larger than 0 MB" in response.content.decode()
    assert not Import.objects.exists() and not Record.objects.exists()


def test_a_file_of_unknown_format_is_refused(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    response = upload(client_for(broker), "notes.docx", b"PK\x03\x04 binary stuff")
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not Import.objects.exists()


def test_a_crash_half_way_leaves_whole_records_and_a_rerun_finishes(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    from pontio.library import importing

    many = "".join(
        f"TY  - JOUR\nTI  - Study number {n} of kinship care\nPY  - 2020\nER  - \n\n"
        for n in range(25)
    )
    with mock.patch.object(importing, "BATCH", 10):
        original = importing.index_records
        calls = {"n": 0}

        def flaky(records: Any) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("disk full")
            original(records)

        with mock.patch.object(importing, "index_records", flaky):
            upload(client_for(broker), "many.ris", many.encode())
        job = Import.objects.get()
        assert job.status == ImportStatus.FAILED
        assert "run the import again" in job.error
        assert Record.objects.count() == 10  # the first batch, whole; the second not at all
        import_run(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FINISHED
    assert (job.imported, job.merged) == (15, 10)
    assert Record.objects.count() == 25


def test_csv_needs_its_columns_matched(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    csv_text = (
        "Title,Authors,Year,DOI,Notes\n"
        'Kinship care outcomes,"Hunt, Joan",2018,10.1000/abc1,keep\n'
        'Residential care review,"Smith, Ann; Jones, Bob",2017,,\n'
    )
    client = client_for(broker)
    response = upload(client, "scopus.csv", csv_text.encode())
    job = Import.objects.get()
    assert response.url == f"/library/import/{job.pk}/columns/"
    page = client.get(response.url).content.decode()
    assert "Match the columns" in page
    refused = client.post(response.url, {"column-0": "", "column-1": "authors"})
    assert "Choose the column that holds the title" in refused.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            response.url,
            {"column-0": "title", "column-1": "authors", "column-2": "year", "column-3": "doi"},
        )
    job.refresh_from_db()
    assert job.imported == 2
    assert Record.objects.get(doi="10.1000/abc1").authors[0]["family"] == "Hunt"


def test_a_near_duplicate_goes_to_review(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    make_record(
        broker,
        council,
        "Educational outcomes of looked-after children: a systematic review",
        year=2019,
        authors=[],
    )
    upload(client_for(broker), "zotero.ris", RIS.encode())
    assert DuplicateCandidate.objects.count() == 1


def test_only_importers_may_import(client_for: Any, social_worker: Person) -> None:
    assert client_for(social_worker).get("/library/import/").status_code == 403
