"""Publications imported from OpenAlex and ORCID, and a university's authors as draft profiles,
against recorded real responses: records are made once and linked, bad identifiers say why and
change nothing, and a failure part-way keeps what was saved and says so."""

from typing import Any

import httpx
import pytest
import stamina

from pontio.accounts.models import Person
from pontio.lib.clients.base import ClientConfig
from pontio.lib.clients.openalex import OpenAlexClient
from pontio.lib.clients.orcid import OrcidClient
from pontio.lib.clients.testing import RECORDINGS, RECORDINGS_MISSING, Replay, recorded
from pontio.library.models import Record
from pontio.organisations.models import Organisation
from pontio.people.importing import (
    institution_drafts,
    works_from_openalex_author,
    works_from_orcid,
)
from pontio.people.models import Profile, ProfileState
from pontio.people.services import PeopleError, profile_for
from pontio.taxonomy.models import Topic

pytestmark = pytest.mark.skipif(not RECORDINGS.is_dir(), reason=RECORDINGS_MISSING)

AUTHOR = "openalex_author_A5023888391.json"
PAGE = "openalex_works_filter_cites_cursor_page1.json"  # 5 works, and a cursor to a next page
LAST = "openalex_works_filter_cursor_last_page.json"  # the empty page that ends the list
CONFIG = ClientConfig(mailto="test@example.org", max_attempts=1)
# The recorded page's works whose authors are at this institution (Universitas Negeri Surabaya).
SURABAYA = "I23758234"
SURABAYA_AUTHORS = {"A5056946018", "A5069820130", "A5067750738", "A5080538147", "A5069519097"}


@pytest.fixture(autouse=True)
def _no_waiting_between_retries() -> Any:
    stamina.set_testing(True)
    yield
    stamina.set_testing(False)


def openalex(replay: Replay) -> OpenAlexClient:
    return OpenAlexClient(CONFIG, transport=replay.transport)


def orcid(replay: Replay) -> OrcidClient:
    return OrcidClient(CONFIG, transport=replay.transport)


def network_down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


# --- One expert's works from OpenAlex -----------------------------------------------------------


def test_it_imports_an_authors_works_and_links_them(academic: Person) -> None:
    profile = profile_for(academic)
    replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
    report = works_from_openalex_author(academic, profile, "A5023888391", openalex(replay))
    assert (report.new, report.linked, report.skipped, report.finished) == (5, 0, 0, True)
    assert report.problems == []
    # 62 works in all: the 50 most recent go back to 2012, by the author's counts per year.
    assert replay.requests[1].url.params["filter"] == (
        "author.id:A5023888391,from_publication_date:2012-01-01"
    )
    assert profile.works.count() == Record.objects.count() == 5
    profile.refresh_from_db()
    assert profile.openalex_id == "A5023888391" and profile.orcid == "0000-0001-6187-6610"
    assert Record.objects.filter(openalex_id="W4387316167", organisation=profile.organisation)


def test_running_it_again_adds_nothing(academic: Person) -> None:
    profile = profile_for(academic)
    for _ in range(2):
        replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
        report = works_from_openalex_author(academic, profile, "A5023888391", openalex(replay))
    assert (report.new, report.linked, report.skipped) == (0, 0, 5)
    assert Record.objects.count() == profile.works.count() == 5


def test_works_the_library_has_already_are_linked_not_copied(
    academic: Person, broker: Person
) -> None:
    replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
    works_from_openalex_author(academic, profile_for(academic), "A5023888391", openalex(replay))
    other = Profile.objects.create(name="Someone else", organisation=None)
    replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
    # The author ID belongs to the first profile now, so the second is refused outright.
    refused = works_from_openalex_author(broker, other, "A5023888391", openalex(replay))
    assert "Another profile already has A5023888391" in refused.problems[0]
    assert "Mair Thomas" not in refused.problems[0]  # it may be hidden: never named
    assert other.works.count() == 0 and len(replay.requests) == 1


def test_it_keeps_the_most_recent_works_only(academic: Person) -> None:
    profile = profile_for(academic)
    replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
    report = works_from_openalex_author(academic, profile, "A5023888391", openalex(replay), limit=2)
    assert report.new == 2
    assert sorted(profile.works.values_list("openalex_id", flat=True)) == [
        "W4415603090",
        "W7104728135",
    ]
    # Older years are not fetched at all.
    assert replay.requests[1].url.params["filter"].endswith("from_publication_date:2023-01-01")


def test_a_failure_on_the_second_page_keeps_the_first_pages_works(academic: Person) -> None:
    profile = profile_for(academic)
    replay = Replay(recorded(AUTHOR), recorded(PAGE), network_down)
    report = works_from_openalex_author(academic, profile, "A5023888391", openalex(replay))
    assert not report.finished and report.new == 5
    assert "OpenAlex stopped answering part-way" in report.problems[0]
    assert "run the import again" in report.problems[0]
    assert profile.works.count() == Record.objects.count() == 5
    # Running it again when OpenAlex is back carries on, adding nothing twice.
    replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
    again = works_from_openalex_author(academic, profile, "A5023888391", openalex(replay))
    assert again.finished and (again.new, again.skipped) == (0, 5)


def test_a_work_that_cannot_be_saved_is_reported_and_the_others_are_kept(
    academic: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pontio.library.services import record_create as real

    def fails_on_one(**kwargs: Any) -> Record:
        if kwargs["parsed"].openalex_id == "W4387316167":
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr("pontio.people.importing.record_create", fails_on_one)
    profile = profile_for(academic)
    replay = Replay(recorded(AUTHOR), recorded(PAGE), recorded(LAST))
    report = works_from_openalex_author(academic, profile, "A5023888391", openalex(replay))
    assert (report.new, report.skipped) == (4, 1)
    assert report.problems == [
        "“Bibliometric Data Fusion for Biomedical Information Retrieval” could not be saved "
        "(RuntimeError). The other works were."
    ]
    assert profile.works.count() == Record.objects.count() == 4


def test_a_bad_author_id_says_why_and_changes_nothing(academic: Person) -> None:
    profile = profile_for(academic)
    replay = Replay(recorded(AUTHOR))
    report = works_from_openalex_author(academic, profile, "Jason Priem", openalex(replay))
    assert "neither an ORCID nor an OpenAlex author ID" in report.problems[0]
    assert replay.requests == []
    replay = Replay(httpx.Response(404, json={"error": "Not found"}))
    report = works_from_openalex_author(academic, profile, "A0000000001", openalex(replay))
    assert report.problems == ["OpenAlex has no record of “A0000000001”. Check it and try again."]
    profile.refresh_from_db()
    assert profile.openalex_id == "" and not Record.objects.exists()


def test_an_unreachable_openalex_says_so_and_changes_nothing(academic: Person) -> None:
    profile = profile_for(academic)
    report = works_from_openalex_author(
        academic, profile, "A5023888391", openalex(Replay(network_down))
    )
    assert "OpenAlex could not be reached, so nothing was imported" in report.problems[0]
    profile.refresh_from_db()
    assert profile.openalex_id == "" and not Record.objects.exists()


def test_only_the_owner_imports_into_their_profile(
    academic: Person, social_worker: Person, broker: Person
) -> None:
    profile = profile_for(academic)
    for someone in (social_worker, broker):
        with pytest.raises(PeopleError, match="Only the person"):
            works_from_openalex_author(someone, profile, "A5023888391", openalex(Replay()))
    assert not Record.objects.exists()


# --- One expert's works from ORCID --------------------------------------------------------------

ORCID = "0000-0002-9341-7985"


def test_it_imports_orcid_works_looking_dois_up_in_openalex(academic: Person) -> None:
    profile = profile_for(academic)
    looked_up = Replay(recorded(LAST))  # OpenAlex knows none of them: ORCID's details are kept
    report = works_from_orcid(
        academic,
        profile,
        ORCID,
        orcid(Replay(recorded(f"orcid_v3_{ORCID}_works.json"))),
        openalex=openalex(looked_up),
    )
    assert (report.new, report.skipped, report.finished) == (8, 0, True)
    assert report.problems == []
    assert looked_up.requests[0].url.params["filter"].startswith("doi:")
    assert looked_up.requests[0].url.params["filter"].count("|") == 3  # four DOIs, one request
    record = Record.objects.get(doi="10.1080/03615260801973992")
    assert record.title == "Academic journal publishing" and record.year is not None
    assert profile.works.count() == 8
    profile.refresh_from_db()
    assert profile.orcid == ORCID
    again = works_from_orcid(
        academic,
        profile,
        ORCID,
        orcid(Replay(recorded(f"orcid_v3_{ORCID}_works.json"))),
        openalex=openalex(Replay(network_down)),
    )
    assert (again.new, again.linked, again.skipped) == (0, 0, 8)
    assert Record.objects.count() == 8


def test_orcid_works_are_saved_even_when_openalex_is_down(academic: Person) -> None:
    profile = profile_for(academic)
    report = works_from_orcid(
        academic,
        profile,
        ORCID,
        orcid(Replay(recorded(f"orcid_v3_{ORCID}_works.json"))),
        openalex=openalex(Replay(network_down)),
    )
    assert report.new == 8 and report.finished
    assert "only the title, year and DOI that ORCID gives" in report.problems[0]


def test_an_unknown_orcid_says_why_and_changes_nothing(academic: Person) -> None:
    profile = profile_for(academic)
    missing = Replay(recorded("orcid_v3_404_person.json", status=404))
    report = works_from_orcid(academic, profile, ORCID, orcid(missing))
    assert report.problems == [f"ORCID has no record of “{ORCID}”. Check it and try again."]
    assert not report.finished
    report = works_from_orcid(academic, profile, "asdfadf", orcid(Replay()))
    assert report.problems == ["This is not an ORCID iD: “asdfadf”."]
    profile.refresh_from_db()
    assert profile.orcid == "" and not Record.objects.exists()


# --- A university's authors as draft profiles ---------------------------------------------------


def test_a_university_import_makes_unclaimed_drafts_nobody_else_sees(
    broker: Person,
    academic: Person,
    social_worker: Person,
    university: Organisation,
) -> None:
    replay = Replay(recorded(PAGE), recorded(LAST))
    report = institution_drafts(
        broker, university, SURABAYA, client=openalex(replay), since_year=2022
    )
    assert replay.requests[0].url.params["filter"] == (
        f"authorships.institutions.id:{SURABAYA},from_publication_date:2022-01-01"
    )
    assert (report.profiles, report.new, report.skipped) == (5, 2, 3)
    drafts = Profile.objects.all()
    assert set(drafts.values_list("openalex_id", flat=True)) == SURABAYA_AUTHORS
    assert all(
        p.person is None and p.state == ProfileState.DRAFT and p.organisation == university
        for p in drafts
    )
    prahani = Profile.objects.get(openalex_id="A5056946018")
    assert prahani.name == "Binar Kurnia Prahanı" and prahani.works.count() == 2
    for someone in (broker, academic, social_worker):
        assert not Profile.objects.visible_to(someone).exists()
    again = institution_drafts(
        broker, university, SURABAYA, client=openalex(Replay(recorded(PAGE), recorded(LAST)))
    )
    assert (again.profiles, again.new, again.linked) == (0, 0, 0)
    assert Profile.objects.count() == 5 and Record.objects.count() == 2


def test_a_university_is_found_by_its_ror_id(broker: Person, university: Organisation) -> None:
    replay = Replay(recorded("openalex_institution_I27837315.json"), recorded(PAGE), recorded(LAST))
    report = institution_drafts(
        broker, university, "https://ror.org/00jmfr291", [], openalex(replay)
    )
    assert replay.requests[0].url.path == "/institutions/ror:00jmfr291"
    assert "authorships.institutions.id:I27837315" in replay.requests[1].url.params["filter"]
    # None of the recorded works has an author at Michigan.
    assert (report.profiles, report.new, report.skipped) == (0, 0, 5)
    assert not Profile.objects.exists() and not Record.objects.exists()


def test_only_works_in_the_chosen_topics_are_kept(broker: Person, university: Organisation) -> None:
    topic = Topic.objects.create(slug="distance-learning", name_en="distance learning")
    replay = Replay(recorded(PAGE), recorded(LAST))
    report = institution_drafts(broker, university, SURABAYA, [topic], openalex(replay))
    assert (report.new, report.profiles) == (1, 4)
    assert Record.objects.get().title.startswith("Online and Distance Learning Research")
    assert all(list(p.topics.all()) == [topic] for p in Profile.objects.all())


def test_a_claimed_profile_is_left_to_its_owner(
    broker: Person, academic: Person, university: Organisation
) -> None:
    own = profile_for(academic)
    own.openalex_id = "A5056946018"
    own.save()
    replay = Replay(recorded(PAGE), recorded(LAST))
    report = institution_drafts(broker, university, SURABAYA, client=openalex(replay))
    assert report.profiles == 4 and own.works.count() == 0


def test_a_failure_on_the_second_page_keeps_the_drafts_made(
    broker: Person, university: Organisation
) -> None:
    replay = Replay(recorded(PAGE), network_down)
    report = institution_drafts(broker, university, SURABAYA, client=openalex(replay))
    assert not report.finished and (report.profiles, report.new) == (5, 2)
    assert "OpenAlex stopped answering part-way" in report.problems[0]
    assert Profile.objects.count() == 5 and Record.objects.count() == 2


def test_only_a_broker_imports_a_university(academic: Person, university: Organisation) -> None:
    with pytest.raises(PeopleError, match="Only a knowledge broker"):
        institution_drafts(academic, university, SURABAYA, client=openalex(Replay()))
    assert not Profile.objects.exists()


def test_a_bad_institution_id_says_why(broker: Person, university: Organisation) -> None:
    report = institution_drafts(broker, university, "Cardiff", client=openalex(Replay()))
    assert "neither a ROR ID nor an OpenAlex institution ID" in report.problems[0]
    assert not Profile.objects.exists()


def test_the_job_runs_the_import(
    broker: Person, university: Organisation, monkeypatch: Any
) -> None:
    replay = Replay(recorded(PAGE), recorded(LAST))
    monkeypatch.setattr("pontio.library.lookup.transport", lambda: replay.transport)
    from pontio.people.tasks import import_institution

    result = import_institution.enqueue(broker.pk, university.pk, SURABAYA, [], 2022)
    assert result.return_value["profiles"] == 5
    assert Profile.objects.count() == 5
