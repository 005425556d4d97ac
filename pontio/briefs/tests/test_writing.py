"""Writing a brief: a draft only its authors and brokers see, saves that refuse to overwrite
someone else's change (keeping the text typed), autosave with checks and preview, references
from the library, images checked for type and size, and HTML stripped from what is typed."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pontio.accounts.models import Person
from pontio.briefs import services
from pontio.briefs.models import Brief, BriefImage, Citation, Revision
from pontio.briefs.tests.helpers import make_brief
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def editor_data(brief: Brief, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(brief, name) for name in services.TEXT_NAMES}
    data.update(revision=brief.revision, format="two_minute", visibility="organisation")
    data.update(changes)
    return data


def test_a_champion_starts_a_draft_that_only_authors_and_brokers_see(
    client_for: Any, champion: Person, broker: Person, social_worker: Person
) -> None:
    client = client_for(champion)
    refused = client.post("/briefs/new/", {"title_cy": ""})
    assert "Give the brief a title" in refused.content.decode() and not Brief.objects.exists()
    response = client.post("/briefs/new/", {"title_en": "Research champions"})
    brief = Brief.objects.get()
    assert response.url == f"/briefs/{brief.pk}/edit/"
    assert list(brief.authors.all()) == [champion]
    assert client_for(broker).get(f"/briefs/{brief.pk}/").status_code == 200
    assert client_for(social_worker).get(f"/briefs/{brief.pk}/").status_code == 404
    assert client_for(social_worker).get("/briefs/new/").status_code == 403


def test_saving_keeps_a_revision_and_strips_html(client_for: Any, champion: Person) -> None:
    brief = make_brief(champion)
    client = client_for(champion)
    data = editor_data(brief, practice_en="Talk <script>alert(1)</script>with the <b>team</b>.")
    assert client.post(f"/briefs/{brief.pk}/edit/", {**data, "save": "1"}).status_code == 302
    brief.refresh_from_db()
    assert brief.practice_en == "Talk with the team."
    assert brief.revisions.count() == 3 and brief.revision == 3
    page = client.get(f"/briefs/{brief.pk}/").content.decode()
    assert "<script>alert" not in page


def test_a_second_save_over_someone_elses_is_refused_and_keeps_the_text(
    client_for: Any, champion: Person, broker: Person
) -> None:
    brief = make_brief(champion)
    opened = editor_data(brief)
    services.brief_save(
        person=broker, brief=brief, revision=brief.revision, texts={"practice_en": "Broker's"}
    )
    response = client_for(champion).post(
        f"/briefs/{brief.pk}/edit/", {**opened, "practice_en": "Mine, typed carefully", "save": "1"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this brief" in body and "Mine, typed carefully" in body
    assert Brief.objects.get(pk=brief.pk).practice_en == "Broker's"
    with pytest.raises(services.EditConflict):
        services.brief_save(person=champion, brief=brief, revision=2, texts={"title_en": "x"})


def test_autosave_saves_and_returns_checks_preview_and_the_new_revision(
    client_for: Any, champion: Person
) -> None:
    brief = make_brief(champion)
    client = client_for(champion)
    data = editor_data(brief, evidence_en="**Three** councils took part.")
    response = client.post(f"/briefs/{brief.pk}/autosave/", data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    brief.refresh_from_db()
    assert brief.evidence_en == "**Three** councils took part."
    assert "Draft saved at" in body and f'value="{brief.revision}"' in body
    assert "<strong>Three</strong>" in body and 'id="checks"' in body
    stale = client.post(f"/briefs/{brief.pk}/autosave/", {**data, "revision": "1"})
    assert "Someone else changed this brief" in stale.content.decode()


def test_preview_without_scripts_shows_the_text_and_saves_nothing(
    client_for: Any, champion: Person
) -> None:
    brief = make_brief(champion)
    data = editor_data(brief, practice_en="A **new** idea", preview="1")
    body = client_for(champion).post(f"/briefs/{brief.pk}/edit/", data).content.decode()
    assert "<strong>new</strong>" in body
    assert Brief.objects.get(pk=brief.pk).practice_en != "A **new** idea"


def test_references_come_from_the_library_and_still_read_when_the_record_goes(
    client_for: Any, champion: Person, council: Organisation
) -> None:
    record = make_record(champion, council, "Embedded researchers in social work teams")
    brief = make_brief(champion)
    client = client_for(champion)
    found = client.get(f"/briefs/{brief.pk}/cite/?q=embedded", HTTP_HX_REQUEST="true")
    assert "Embedded researchers in social work teams" in found.content.decode()
    client.post(f"/briefs/{brief.pk}/cite/", {"record": record.pk})
    client.post(f"/briefs/{brief.pk}/cite/", {"record": record.pk})  # a second click: still one
    citation = Citation.objects.get()
    assert citation.position == 1 and "Embedded researchers" in citation.reference
    page = client.get(f"/briefs/{brief.pk}/").content.decode()
    assert 'href="#ref-1"' in page and f"/library/records/{record.pk}/" in page
    record.delete()
    page = client.get(f"/briefs/{brief.pk}/").content.decode()
    assert (
        "Embedded researchers in social work teams" in page and "no longer in the library" in page
    )


def test_images_are_checked_and_served_only_to_readers(
    client_for: Any, champion: Person, social_worker: Person
) -> None:
    brief = make_brief(champion)
    client = client_for(champion)
    url = f"/briefs/{brief.pk}/images/"
    not_image = SimpleUploadedFile("x.png", b"GIF89a....", content_type="image/png")
    response = client.post(url, {"file": not_image, "alt_en": "A chart"}, follow=True)
    assert "not a PNG or JPEG" in response.content.decode()
    big = SimpleUploadedFile("big.png", PNG + b"\0" * (3 * 1024 * 1024), content_type="image/png")
    response = client.post(url, {"file": big, "alt_en": "A chart"}, follow=True)
    assert "Images can be up to 2 MB" in response.content.decode()
    no_alt = SimpleUploadedFile("x.png", PNG, content_type="image/png")
    response = client.post(url, {"file": no_alt, "alt_en": ""}, follow=True)
    assert "Describe the image" in response.content.decode()
    assert not BriefImage.objects.exists()
    good = SimpleUploadedFile("x.png", PNG, content_type="image/png")
    client.post(url, {"file": good, "alt_en": "A chart of reads"})
    image = BriefImage.objects.get()
    served = client.get(f"/briefs/images/{image.pk}/")
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(PNG[:8])
    assert client_for(social_worker).get(f"/briefs/images/{image.pk}/").status_code == 404


def test_only_authors_and_brokers_edit_and_only_drafts(
    client_for: Any, champion: Person, broker: Person, social_worker: Person, academic: Person
) -> None:
    brief = make_brief(champion)
    data = {**editor_data(brief, title_en="Hijacked"), "save": "1"}
    for person in (social_worker, academic):
        client = client_for(person)
        for path in ("edit/", "autosave/", "cite/", "images/"):
            assert client.post(f"/briefs/{brief.pk}/{path}", data).status_code == 404, path
    assert client_for(broker).post(f"/briefs/{brief.pk}/edit/", data).status_code == 302
    services.review_request(
        person=champion, brief=Brief.objects.get(pk=brief.pk), reviewer=academic
    )
    assert client_for(champion).get(f"/briefs/{brief.pk}/edit/").status_code == 403
    assert Revision.objects.filter(brief=brief).count() == 3


def test_a_brief_started_from_a_project_cites_its_outputs(
    client_for: Any, champion: Person, broker: Person, council: Organisation
) -> None:
    from pontio.projects.tests.helpers import make_project

    project = make_project(broker)
    record = make_record(broker, council, "Final report of the kinship care evaluation")
    project.records.add(record)
    client = client_for(champion)
    page = client.get(f"/briefs/new/?project={project.pk}").content.decode()
    assert f'value="{project.title_en}"' in page
    client.post("/briefs/new/", {"title_en": project.title_en, "project": project.pk})
    brief = Brief.objects.get()
    assert [c.record for c in brief.citations.all()] == [record]


def test_an_autosave_with_nothing_new_keeps_no_revision(client_for: Any, champion: Person) -> None:
    brief = make_brief(champion)
    client = client_for(champion)
    client.post(f"/briefs/{brief.pk}/autosave/", editor_data(brief))
    brief.refresh_from_db()
    revisions = brief.revisions.count()
    client.post(f"/briefs/{brief.pk}/autosave/", editor_data(brief))
    assert Brief.objects.get(pk=brief.pk).revisions.count() == revisions


def test_a_broker_does_not_review_their_own_work(broker: Person) -> None:
    brief = make_brief(broker)
    Brief.objects.get(pk=brief.pk).authors.clear()  # even when not named as an author
    with pytest.raises(services.BriefError, match="not one of the authors"):
        services.review_request(
            person=broker, brief=Brief.objects.get(pk=brief.pk), reviewer=broker
        )
