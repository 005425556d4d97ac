"""A record's page, editing, files and their licences, merged records that still resolve."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from pontio.accounts.models import Person
from pontio.library import services
from pontio.library.models import Record, RecordFile, Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_record_page_shows_everything_and_cites_it(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    record = make_record(
        social_worker,
        council,
        "Embedding research in practice",
        doi="10.1111/cfs.12345",
        container="Child & Family Social Work",
        volume="26",
        issue="3",
        pages="401-410",
        oa_url="https://x.org/a.pdf",
    )
    body = client_for(social_worker).get(f"/library/records/{record.pk}/").content.decode()
    assert "Embedding research in practice" in body
    assert "https://doi.org/10.1111/cfs.12345" in body
    assert "Firmin, C. (2020). Embedding research in practice." in body  # APA
    assert "Firmin, C. (2020) &#x27;Embedding research in practice&#x27;" in body  # Harvard
    assert "Read the free copy" in body


def test_an_organisation_only_record_is_hidden_from_others(
    client_for: Any, social_worker: Person, academic: Person, university: Organisation
) -> None:
    record = make_record(academic, university, "Internal", visibility=Visibility.ORGANISATION)
    assert client_for(social_worker).get(f"/library/records/{record.pk}/").status_code == 404
    assert client_for(academic).get(f"/library/records/{record.pk}/").status_code == 200


def test_a_merged_record_still_resolves(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    kept = make_record(broker, council, "Signs of Safety: a review")
    merged = make_record(broker, council, "Signs of safety - a review (preprint)", year=2019)
    services.records_merge(person=broker, kept=kept, merged=merged, choices={})
    response = client_for(broker).get(f"/library/records/{merged.pk}/")
    assert response.status_code == 302 and response.url == f"/library/records/{kept.pk}/"


def test_editing_keeps_what_was_typed_on_error(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    record = make_record(social_worker, council, "Original title")
    client = client_for(social_worker)
    response = client.post(
        f"/library/records/{record.pk}/edit/",
        {
            "record_type": "article",
            "title": "Changed title",
            "doi": "not a doi",
            "visibility": "partnership",
        },
    )
    assert response.status_code == 200
    assert "This does not look like a DOI" in response.content.decode()
    assert 'value="Changed title"' in response.content.decode()
    assert Record.objects.get(pk=record.pk).title == "Original title"


def test_only_the_adder_or_a_broker_may_edit(
    client_for: Any, social_worker: Person, champion: Person, broker: Person, council: Organisation
) -> None:
    record = make_record(social_worker, council)
    assert client_for(champion).get(f"/library/records/{record.pk}/edit/").status_code == 403
    assert client_for(broker).get(f"/library/records/{record.pk}/edit/").status_code == 200


def test_a_closed_file_stays_in_its_organisation(
    client_for: Any, social_worker: Person, academic: Person, council: Organisation
) -> None:
    record = make_record(social_worker, council, oa_url="https://open.example/copy.pdf")
    client = client_for(social_worker)
    response = client.post(
        f"/library/records/{record.pk}/files/add/",
        {
            "file": SimpleUploadedFile("paper.pdf", PDF, content_type="application/pdf"),
            "licence": "",
        },
    )
    assert response.status_code == 302
    attached = RecordFile.objects.get()
    assert client.get(f"/library/files/{attached.pk}/").status_code == 200
    other = client_for(academic)
    assert other.get(f"/library/files/{attached.pk}/").status_code == 403
    page = other.get(f"/library/records/{record.pk}/").content.decode()
    assert "only people in Caerwen Council can open this file" in page
    assert "Read the free copy instead" in page


def test_it_refuses_files_that_are_not_pdf_or_word(
    client_for: Any, social_worker: Person, council: Organisation, settings: Any
) -> None:
    record = make_record(social_worker, council)
    client = client_for(social_worker)
    response = client.post(
        f"/library/records/{record.pk}/files/add/",
        {"file": SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf")},
    )
    assert "Only PDF and Word" in response.content.decode()
    settings.LIBRARY_MAX_FILE_MB = 0
    response = client.post(
        f"/library/records/{record.pk}/files/add/", {"file": SimpleUploadedFile("big.pdf", PDF)}
    )
    assert "larger than 0 MB" in response.content.decode()
    assert not RecordFile.objects.exists()


def test_adding_by_hand_refuses_a_duplicate(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    make_record(social_worker, council, "Making the most of research", year=2015, authors=[])
    response = client_for(social_worker).post(
        "/library/add/by-hand/",
        {
            "record_type": "report",
            "title": "Making the Most of Research",
            "year": "2015",
            "visibility": "partnership",
        },
    )
    assert response.status_code == 200
    assert "already has this" in response.content.decode()
    assert Record.objects.count() == 1


def test_it_suggests_topics_from_keywords_and_concepts(
    client_for: Any, broker: Person, council: Organisation, seeded_topics: None
) -> None:
    record = make_record(
        broker,
        council,
        "Outcomes of care leavers",
        keywords=["Foster care"],
        concepts=["Psychiatry", "Economics"],
    )
    page = client_for(broker).get(f"/library/records/{record.pk}/edit/").content.decode()
    assert "Topics suggested" in page
    suggested = [t.slug for t in services.topics_suggested(record)]
    assert "foster-kinship-care" in suggested and "mental-health" in suggested
    assert "leaving-care" in suggested
    assert "youth-justice" not in suggested
