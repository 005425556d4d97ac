"""Matching in the app: experts for a question ranked by their publications and stated
expertise, with the texts that matched; questions a profile could help with; the brokers'
list of questions no expert fits; each page refused to those who may not see it."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.agenda.tests.helpers import make_question
from pontio.lib.embedding import model_available
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation
from pontio.people.matching import experts_for_question, gaps, questions_for_profile
from pontio.people.models import Profile

pytestmark = pytest.mark.skipif(not model_available(), reason="the embedding model is missing")


def expert(person: Person, organisation: Organisation, titles: list[str], **fields: Any) -> Profile:
    profile = Profile.objects.create(
        person=person,
        name=person.name,
        organisation=organisation,
        state="published",
        visibility="partnership",
        **fields,
    )
    for title in titles:
        profile.works.add(make_record(person, organisation, title))
    return profile


@pytest.fixture
def experts(academic: Person, university: Organisation, team: Any) -> tuple[Profile, Profile]:
    from pontio.conftest import make_person

    astronomer = make_person("ceri@uni.example", "Ceri Star", organisation=university)
    care = expert(
        academic,
        university,
        [
            "Kinship care and placement stability for young children",
            "Outcomes of children looked after in foster care",
            "Family group conferences in child protection",
        ],
    )
    stars = expert(
        astronomer,
        university,
        ["Spectra of distant galaxies", "Dark matter in dwarf galaxies"],
        interests_en="Galaxy formation and cosmology",
    )
    return care, stars


def test_the_expert_whose_work_fits_comes_first_with_reasons(
    client_for: Any, social_worker: Person, experts: tuple[Profile, Profile]
) -> None:
    care, stars = experts
    question = make_question(social_worker, "Does kinship care give more stable placements?")
    matches = experts_for_question(social_worker, question)
    assert [m.profile for m in matches][:2] == [care, stars]
    assert matches[0].score > matches[1].score
    assert "Kinship care" in matches[0].reasons[0][0].title
    page = client_for(social_worker).get(f"/experts/questions/{question.pk}/").content.decode()
    assert page.index(care.name) < page.index(stars.name)
    assert "Kinship care and placement stability" in page


def test_a_profile_sees_the_questions_it_could_help_with(
    social_worker: Person, academic: Person, experts: tuple[Profile, Profile]
) -> None:
    care, _stars = experts
    fits = make_question(social_worker, "What helps children in foster care stay in one placement?")
    make_question(social_worker, "Which case management software do other councils use?")
    found = questions_for_profile(social_worker, care)
    assert found and found[0].question == fits


def test_brokers_see_questions_no_expert_fits(
    client_for: Any,
    social_worker: Person,
    broker: Person,
    council: Organisation,
    experts: tuple[Profile, Profile],
) -> None:
    covered = make_question(social_worker, "Does kinship care give more stable placements?")
    gap = make_question(social_worker, "How should councils budget for road gritting in winter?")
    found = [q for q, _score in gaps(broker, council)]
    assert gap in found and covered not in found
    page = client_for(broker).get("/experts/gaps/").content.decode()
    assert "road gritting" in page


def test_experts_are_matched_to_a_project(
    client_for: Any, social_worker: Person, experts: tuple[Profile, Profile]
) -> None:
    from pontio.projects.tests.helpers import make_project

    care, stars = experts
    project = make_project(social_worker, "Evaluating kinship care placements for young children")
    page = client_for(social_worker).get(f"/experts/projects/{project.pk}/").content.decode()
    assert page.index(care.name) < page.index(stars.name)


def test_matching_pages_are_refused_to_those_who_may_not_see(
    client_for: Any, social_worker: Person, champion: Person, academic: Person
) -> None:
    from pontio.projects.tests.helpers import make_project

    question = make_question(social_worker, "Does kinship care give more stable placements?")
    assert client_for(academic).get(f"/experts/questions/{question.pk}/").status_code == 404
    project = make_project(social_worker)
    assert client_for(academic).get(f"/experts/projects/{project.pk}/").status_code == 404
    assert client_for(champion).get("/experts/gaps/").status_code == 403
