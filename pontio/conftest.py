"""Shared test set-up: fast hashing, jobs run inline, and the named people every test reuses
(a social worker, a champion, a broker, a steering member, an academic, an administrator),
each in a team and an organisation."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from pontio.accounts.models import Person, Role, RoleAssignment
from pontio.organisations.models import Membership, Organisation, OrganisationKind, Team

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


@pytest.fixture(autouse=True)
def _fast_and_inline(settings: Any, tmp_path: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.MAIL_DIR = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VECTORS_DIR = tmp_path / "vectors"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_organisation(
    name: str = "Caerwen Council", kind: str = OrganisationKind.COUNCIL, name_cy: str = ""
) -> Organisation:
    return Organisation.objects.create(name_en=name, name_cy=name_cy or name, kind=kind)


def make_team(organisation: Organisation, name: str = "Intake and Assessment") -> Team:
    return Team.objects.create(organisation=organisation, name_en=name, name_cy=name)


def make_person(
    email: str,
    name: str,
    *,
    team: Team | None = None,
    organisation: Organisation | None = None,
    roles: tuple[str, ...] = (),
    language: str = "en",
) -> Person:
    person = Person.objects.create_user(
        email=email, password=PASSWORD, name=name, language=language
    )
    organisation = organisation or (team.organisation if team else None)
    if organisation:
        Membership.objects.create(person=person, organisation=organisation, team=team)
    for role in roles:
        RoleAssignment.objects.create(person=person, role=role)
    return person


@pytest.fixture
def seeded_topics(db: Any) -> None:
    """The default taxonomy. A migration seeds it, but a transactional test empties every table
    when it ends, so tests that need it ask for it."""
    from pontio.taxonomy.models import Topic
    from pontio.taxonomy.seed import seed_topics

    seed_topics(Topic)


@pytest.fixture
def council(db: Any) -> Organisation:
    return make_organisation("Caerwen Council", name_cy="Cyngor Caerwen")


@pytest.fixture
def university(db: Any) -> Organisation:
    return make_organisation(
        "Caerwen University", OrganisationKind.UNIVERSITY, name_cy="Prifysgol Caerwen"
    )


@pytest.fixture
def team(council: Organisation) -> Team:
    return make_team(council, "Intake and Assessment")


@pytest.fixture
def social_worker(team: Team) -> Person:
    return make_person("sian@example.org", "Siân Morgan", team=team)


@pytest.fixture
def champion(team: Team) -> Person:
    return make_person("dafydd@example.org", "Dafydd Rees", team=team, roles=(Role.CHAMPION,))


@pytest.fixture
def broker(team: Team) -> Person:
    return make_person("alys@example.org", "Alys Jenkins", team=team, roles=(Role.BROKER,))


@pytest.fixture
def steering_member(council: Organisation) -> Person:
    return make_person(
        "gwen@example.org",
        "Gwen Lloyd",
        organisation=council,
        roles=(Role.STEERING,),
        language="cy",
    )


@pytest.fixture
def academic(university: Organisation) -> Person:
    return make_person(
        "mair@example.org", "Mair Thomas", organisation=university, roles=(Role.ACADEMIC,)
    )


@pytest.fixture
def admin(council: Organisation) -> Person:
    return make_person(
        "owain@example.org", "Owain Hughes", organisation=council, roles=(Role.ADMIN,)
    )


@pytest.fixture
def client_for(client: Client) -> Callable[[Person], Client]:
    """A test client signed in as the given person."""

    def sign_in(person: Person) -> Client:
        client.force_login(person)
        return client

    return sign_in


from pontio.browser import browser, page  # noqa: E402, F401  (browser-test fixtures)
