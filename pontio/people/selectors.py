"""Reads about expert profiles that more than one page needs: the ORCID iDs a person has
proved are theirs, and the unclaimed drafts those iDs point to."""

from typing import Any

from allauth.socialaccount.models import SocialAccount

from .models import Profile, ProfileQuerySet, ProfileState


def orcids_of(person: Any) -> list[str]:
    """ORCID iDs the person has connected by signing in to ORCID (allauth's uid is the iD)."""
    if not person.is_authenticated:
        return []
    uids = SocialAccount.objects.filter(user=person, provider="orcid").values_list("uid", flat=True)
    return [uid.upper() for uid in uids if uid]  # imports store the check digit X in capitals


def drafts_for(person: Any) -> ProfileQuerySet:
    """Unclaimed drafts whose ORCID iD is one the person has connected: theirs to claim."""
    orcids = orcids_of(person)
    drafts = Profile.objects.filter(person=None, state=ProfileState.DRAFT)
    if not orcids:
        return drafts.none()
    return drafts.filter(orcid__in=orcids).exclude(orcid="")
