"""Writes to expert profiles: a person's own profile, claiming or handing over an imported
draft, publishing, hiding and deleting, and linking works from the library.

A draft made by an institution import belongs to whoever holds its ORCID iD. A matching name
or email proves nothing, but signing in to ORCID does: a person who has connected that iD
claims the draft themselves (`profile_claim`). Otherwise a knowledge broker hands the draft to
its person (`profile_assign`). Unclaimed, it is shown to nobody but brokers; claimed, it stays
a draft that only its owner sees until they publish it."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pontio.core.history import delete_as, save_as
from pontio.library.models import Record
from pontio.library.selectors import records_visible
from pontio.organisations.permissions import home_organisation

from .models import Profile, ProfileState
from .permissions import is_broker
from .selectors import orcids_of


class PeopleError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


def can_manage_drafts(person: Any) -> bool:
    """Knowledge brokers look after unclaimed drafts, whichever organisation's: a partner
    university may have no broker of its own."""
    return is_broker(person)


def has_profile(person: Any) -> bool:
    return bool(Profile.objects.filter(person=person).exists())


def can_edit_profile(person: Any, profile: Profile) -> bool:
    """The owner edits their profile; brokers edit drafts nobody has been given yet."""
    if profile.is_claimed:
        return bool(profile.person_id == person.pk)
    return can_manage_drafts(person)


def _require_owner(person: Any, profile: Profile) -> None:
    if profile.person_id != person.pk:
        raise PeopleError(_("Only the person this profile belongs to can do this."))


def profile_for(person: Any) -> Profile:
    """The person's own profile, made as a draft with their name and first organisation the
    first time they ask for it."""
    existing = Profile.objects.filter(person=person).first()
    if existing is not None:
        return existing
    profile = Profile(
        person=person,
        name=person.name,
        organisation=home_organisation(person),
        state=ProfileState.DRAFT,
    )
    try:
        with transaction.atomic():
            save_as(person, profile)
    except IntegrityError:  # two clicks at once: the other request made it
        return Profile.objects.get(person=person)
    return profile


@transaction.atomic
def profile_assign(*, broker: Any, profile: Profile, person: Any) -> Profile:
    """A broker gives an unclaimed draft to the person it describes. It stays a draft, shown to
    nobody else, until that person publishes it."""
    if not can_manage_drafts(broker):
        raise PeopleError(_("Only a knowledge broker can give a profile to someone."))
    given, profile = profile, Profile.objects.select_for_update().get(pk=profile.pk)
    if profile.is_claimed:
        raise PeopleError(_("This profile already belongs to someone."))
    if person.pk == broker.pk:
        # A second pair of eyes: nobody hands a profile, with its publications, to themselves.
        raise PeopleError(_("Ask another knowledge broker to give you a profile."))
    if not person.is_active:
        raise PeopleError(_("%(name)s's account is closed.") % {"name": person.name})
    if has_profile(person):
        raise PeopleError(
            _(
                "%(name)s already has a profile. Add these publications to it instead, or "
                "ask them to delete theirs first."
            )
            % {"name": person.name}
        )
    profile.person = person
    profile.state = ProfileState.DRAFT
    save_as(broker, profile)
    given.refresh_from_db()
    return given


@transaction.atomic
def profile_claim(*, person: Any, profile: Profile) -> Profile:
    """A person claims an unclaimed draft whose ORCID iD they have connected, which proves it
    describes them. It stays a draft until they publish it."""
    given, profile = profile, Profile.objects.select_for_update().get(pk=profile.pk)
    if profile.is_claimed:
        raise PeopleError(_("This profile already belongs to someone."))
    if not profile.orcid:
        raise PeopleError(
            _(
                "This profile has no ORCID iD, so it cannot be proved to be yours. Ask a "
                "knowledge broker to give it to you."
            )
        )
    if profile.orcid not in orcids_of(person):
        raise PeopleError(
            _(
                "This profile's ORCID iD is not one you have connected. Connect your ORCID "
                "iD first, or ask a knowledge broker to give it to you."
            )
        )
    if has_profile(person):
        raise PeopleError(
            _(
                "You already have a profile. Add these publications to it instead, or "
                "delete yours first."
            )
        )
    profile.person = person
    profile.state = ProfileState.DRAFT
    try:
        with transaction.atomic():
            save_as(person, profile)
    except IntegrityError as error:  # two drafts with their iD claimed at once: one wins
        raise PeopleError(_("You already have a profile.")) from error
    given.refresh_from_db()
    return given


def profile_publish(*, person: Any, profile: Profile) -> Profile:
    _require_owner(person, profile)
    if not profile.name.strip():
        raise PeopleError(_("Give your profile a name before publishing it."))
    profile.state = ProfileState.PUBLISHED
    save_as(person, profile)
    return profile


def profile_hide(*, person: Any, profile: Profile) -> Profile:
    _require_owner(person, profile)
    profile.state = ProfileState.HIDDEN
    save_as(person, profile)
    return profile


def profile_delete(*, person: Any, profile: Profile) -> None:
    """Remove the profile and its links to works. The library's records stay: others cite,
    shelve and brief from them."""
    if not can_edit_profile(person, profile):
        raise PeopleError(_("Only the person this profile belongs to can delete it."))
    delete_as(person, profile)


def profile_add_works(*, person: Any, profile: Profile, records: Iterable[Record]) -> int:
    """Link records the person may see in the library. Returns how many were new links."""
    if not can_edit_profile(person, profile):
        raise PeopleError(_("Only the person this profile belongs to can change it."))
    wanted = {record.pk for record in records}
    visible = set(records_visible(person).filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - visible:
        raise PeopleError(
            _("Some of these records are not in the library, or not shared with you.")
        )
    linked = set(profile.works.filter(pk__in=wanted).values_list("pk", flat=True))
    profile.works.add(*(wanted - linked))
    return len(wanted - linked)
