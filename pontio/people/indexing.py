"""A profile's stated expertise (interests, methods, practice experience, topics) as a search
document, so its embedding is kept in the vector index like records' and matching reads it
instead of embedding it on every page."""

from collections.abc import Iterable, Sequence

from pontio.search.services import IndexDoc, Source, semantic_queue

from .models import Profile

KIND = "profile"


def expertise_text(profile: Profile) -> str:
    topics = ", ".join(topic.name_en for topic in profile.topics.all())
    parts = [profile.interests_en, profile.methods, profile.practice_experience, topics]
    return ". ".join(part.strip() for part in parts if part and part.strip())


def profile_document(profile: Profile) -> IndexDoc:
    return IndexDoc(id=profile.pk, abstract=expertise_text(profile))


def index_profiles(profiles: Iterable[Profile]) -> None:
    semantic_queue(KIND, [profile.pk for profile in profiles])


def _current_documents(ids: Sequence[int]) -> list[IndexDoc]:
    found = Profile.objects.filter(pk__in=ids).prefetch_related("topics")
    return [profile_document(p) for p in found if expertise_text(p)]


def _all_ids() -> Iterable[int]:
    return Profile.objects.order_by("pk").values_list("pk", flat=True).iterator()


PROFILE_SOURCE = Source(documents=_current_documents, all_ids=_all_ids)
