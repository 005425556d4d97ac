"""Writes to the library that are not file imports: a record by hand or from a DOI look-up,
edits and topics, files, merges (and undoing them), and collections."""

import hashlib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pontio.core.history import save_as
from pontio.core.mail_send import mail_send
from pontio.lib.records import ParsedRecord

from .dedupe import FILLABLE, Matcher, keys_for
from .importing import record_from_parsed
from .indexing import index_records
from .models import (
    Collection,
    CollectionItem,
    CollectionKind,
    DuplicateCandidate,
    DuplicateStatus,
    Merge,
    Record,
    RecordFile,
    Visibility,
)


class LibraryError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


def record_find_duplicate(parsed: ParsedRecord) -> Record | None:
    """The library's record for the same work, if Pontio is certain there is one."""
    keys = keys_for(parsed)
    match = Matcher([keys]).find(keys)
    return match.record if match and match.certain else None


@transaction.atomic
def record_create(
    *,
    person: Any,
    organisation: Any,
    parsed: ParsedRecord,
    source: str,
    visibility: str = Visibility.PARTNERSHIP,
    topics: Any = (),
) -> Record:
    """Save one record (by hand or from a look-up). Refused if the library already has it."""
    if existing := record_find_duplicate(parsed):
        raise LibraryError(
            _("The library already has this: “%(title)s”.") % {"title": existing.title}
        )
    record = record_from_parsed(
        parsed, source=source, added_by=person, organisation=organisation, visibility=visibility
    )
    save_as(person, record)
    if topics:
        record.topics.set(topics)
    index_records([record])
    return record


@transaction.atomic
def record_update(
    *, person: Any, record: Record, fields: dict[str, Any], topics: Any = None
) -> Record:
    from pontio.lib.normalise import normalise_doi, normalise_name, normalise_title

    for name, value in fields.items():
        setattr(record, name, value)
    record.doi = normalise_doi(record.doi)
    record.title_key = normalise_title(record.title)[:300]
    first = record.authors[0].get("family", "") if record.authors else ""
    record.first_author_key = normalise_name(first)[:100]
    save_as(person, record)
    if topics is not None:
        record.topics.set(topics)
    index_records([record])
    return record


def record_count_use(record: Record) -> None:
    Record.objects.filter(pk=record.pk).update(use_count=F("use_count") + 1)


def file_check(upload: "UploadedFile[Any]") -> str:
    """The content type of a file that may be attached (PDF or Word, within the size limit),
    checked by its content; LibraryError says what is wrong with any other."""
    limit = settings.LIBRARY_MAX_FILE_MB * 1024 * 1024
    if upload.size is None or upload.size > limit:
        raise LibraryError(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.LIBRARY_MAX_FILE_MB}
        )
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") and (upload.name or "").lower().endswith(".docx"):
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    raise LibraryError(_("Only PDF and Word (.docx) files can be attached."))


def record_file_add(
    *,
    person: Any,
    organisation: Any,
    record: Record,
    upload: UploadedFile[Any],
    licence: str,
    openly_licensed: bool,
) -> RecordFile:
    """Attach a PDF or Word file. Its type is checked by its content, not only its name."""
    content_type = file_check(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attached = RecordFile(
        record=record,
        filename=(upload.name or "file")[:255],
        content_type=content_type,
        size=upload.size or 0,  # file_check refused a file of unknown size
        sha256=digest.hexdigest(),
        licence=licence[:60],
        openly_licensed=openly_licensed,
        organisation=organisation,
        uploaded_by=person,
    )
    attached.file.save(upload.name or "file", upload, save=False)
    attached.save()
    return attached


def _snapshot(record: Record) -> dict[str, Any]:
    fields = [
        "title",
        "abstract",
        "authors",
        "year",
        "record_type",
        "keywords",
        "concepts",
        *FILLABLE,
    ]
    return {name: getattr(record, name) for name in fields}


# The fields a broker chooses between when merging: the core ones, then every fillable one.
MERGEABLE = ["title", "authors", "year", "record_type", *FILLABLE]


@transaction.atomic
def records_merge(*, person: Any, kept: Record, merged: Record, choices: dict[str, str]) -> Merge:
    """Merge `merged` into `kept`, taking each field from the record the broker chose. The
    merged record stays (hidden, pointing at the kept one) so links to it still resolve, and
    the merge can be undone."""
    if kept.pk == merged.pk or merged.merged_into_id or kept.merged_into_id:
        raise LibraryError(_("These records cannot be merged: one is already merged."))
    merge = Merge(
        kept=kept,
        merged=merged,
        choices=choices,
        kept_before=_snapshot(kept),
        merged_before=_snapshot(merged),
        merged_by=person,
    )
    for name in MERGEABLE:
        if choices.get(name) == "merged":
            setattr(kept, name, getattr(merged, name))
    kept.keywords = list(dict.fromkeys([*kept.keywords, *merged.keywords]))
    kept_topics = set(kept.topics.values_list("pk", flat=True))
    moved_topics = [t for t in merged.topics.values_list("pk", flat=True) if t not in kept_topics]
    moved_items = []
    for item in CollectionItem.objects.filter(record=merged):
        if not CollectionItem.objects.filter(collection=item.collection_id, record=kept).exists():
            item.record = kept
            item.save(update_fields=["record"])
            moved_items.append(item.pk)
    merge.moved = {"topics": moved_topics, "items": moved_items}
    kept.topics.add(*moved_topics)
    save_as(person, kept)
    merged.merged_into = kept
    save_as(person, merged)
    merge.save()
    DuplicateCandidate.objects.filter(record__in=[kept, merged], other__in=[kept, merged]).update(
        status=DuplicateStatus.MERGED
    )
    index_records([kept, merged])
    return merge


@transaction.atomic
def merge_undo(*, person: Any, merge: Merge) -> None:
    if merge.undone_at:
        raise LibraryError(_("This merge has already been undone."))
    kept, merged = merge.kept, merge.merged
    for name, value in merge.kept_before.items():
        setattr(kept, name, value)
    for name, value in merge.merged_before.items():
        setattr(merged, name, value)
    merged.merged_into = None
    kept.topics.remove(*merge.moved.get("topics", []))
    CollectionItem.objects.filter(pk__in=merge.moved.get("items", [])).update(record=merged)
    save_as(person, kept)
    save_as(person, merged)
    merge.undone_at = timezone.now()
    merge.save(update_fields=["undone_at"])
    DuplicateCandidate.objects.filter(record__in=[kept, merged], other__in=[kept, merged]).update(
        status=DuplicateStatus.OPEN
    )
    index_records([kept, merged])


def duplicate_dismiss(*, person: Any, candidate: DuplicateCandidate) -> None:
    candidate.status = DuplicateStatus.DISMISSED
    candidate.save(update_fields=["status"])


def team_shelf(team: Any) -> Collection:
    """The team's shelf (the shared folder's replacement), made the first time it is needed."""
    shelf, _created = Collection.objects.get_or_create(
        team=team,
        defaults={
            "kind": CollectionKind.TEAM_SHELF,
            "name": team.name_en,
            "organisation": team.organisation,
        },
    )
    return shelf


def reading_list(person: Any, organisation: Any) -> Collection:
    found = Collection.objects.filter(kind=CollectionKind.READING_LIST, owner=person).first()
    return found or Collection.objects.create(
        kind=CollectionKind.READING_LIST,
        name=_("My reading list"),
        owner=person,
        organisation=organisation,
    )


def collection_create(
    *, person: Any, organisation: Any, name: str, description: str, visibility: str
) -> Collection:
    collection = Collection(
        kind=CollectionKind.NAMED,
        name=name,
        description=description,
        owner=person,
        organisation=organisation,
        visibility=visibility,
    )
    save_as(person, collection)
    return collection


def collection_add(
    *, person: Any, collection: Collection, record: Record, note: str = ""
) -> tuple[CollectionItem, bool]:
    """Add a record (or update its note if it is there already). Returns (item, added)."""
    item = CollectionItem.objects.filter(collection=collection, record=record).first()
    if item:
        if note and note != item.note:
            item.note = note
            item.save(update_fields=["note"])
        return item, False
    item = CollectionItem.objects.create(
        collection=collection, record=record, note=note, added_by=person
    )
    record_count_use(record)
    return item, True


def collection_note(*, person: Any, item: CollectionItem, note: str) -> None:
    item.note = note[:500]
    item.save(update_fields=["note"])


def collection_remove(*, person: Any, item: CollectionItem) -> None:
    item.delete()


def collection_follow(*, person: Any, collection: Collection, follow: bool) -> None:
    """Followers get one email a day listing what was added (collections_tell_followers)."""
    if follow:
        collection.followers.add(person)
    else:
        collection.followers.remove(person)


def collections_tell_followers(*, now: datetime | None = None) -> int:
    """Email each follower what was added to the collections they follow since they were last
    told: only collections and records they may still see, not what they added themselves, in
    their own language. Returns how many emails were sent."""
    from .selectors import collections_visible, records_visible

    now = now or timezone.now()
    sent = 0
    followed = Collection.objects.filter(followers__isnull=False).distinct()
    for collection in followed:
        since = collection.followers_told_at or collection.created_at
        added = list(
            collection.items.filter(added_at__gt=since, added_at__lte=now)
            .select_related("record")
            .order_by("added_at")
        )
        for person in collection.followers.filter(is_active=True) if added else []:
            if not collections_visible(person).filter(pk=collection.pk).exists():
                continue
            visible = set(
                records_visible(person)
                .filter(pk__in=[item.record_id for item in added])
                .values_list("pk", flat=True)
            )
            news = [i for i in added if i.record_id in visible and i.added_by_id != person.pk]
            if news:
                _tell_follower(person, collection, news)
                sent += 1
        Collection.objects.filter(pk=collection.pk).update(followers_told_at=now)
    return sent


def _tell_follower(person: Any, collection: Collection, items: list[CollectionItem]) -> None:
    with translation.override(person.language):
        context = {
            "collection": collection,
            "items": items,
            "site": settings.SITE_URL,
            "link": settings.SITE_URL + reverse("library:collection", args=[collection.pk]),
        }
        mail_send(
            to=person.email,
            subject=_("New in %(collection)s") % {"collection": collection.display_name},
            body=render_to_string("library/email/collection_news.txt", context),
        )


def topics_suggested(record: Record) -> list[Any]:
    """Topics suggested by the record's keywords and subject terms (from OpenAlex concepts or
    the file), through the taxonomy's suggesting terms, and not on the record yet: a broker
    ticks the ones that fit."""
    from pontio.lib.normalise import fold
    from pontio.taxonomy.models import Topic
    from pontio.taxonomy.seed import SUGGESTING_TERMS

    text = " | ".join(fold(t) for t in [*record.keywords, *record.concepts, record.title])
    chosen = set(record.topics.values_list("pk", flat=True))
    suggestions = []
    for topic in Topic.objects.active():
        terms = SUGGESTING_TERMS.get(topic.slug) or [topic.name_en]
        if topic.pk not in chosen and any(fold(term) in text for term in terms):
            suggestions.append(topic)
    return suggestions[:8]


def collections_ensure(person: Any) -> None:
    """Everyone has a reading list and a shelf for each of their teams, from the first time
    they might add something: nobody should have to create them first."""
    from pontio.organisations.models import Team
    from pontio.organisations.permissions import home_organisation

    for team in Team.objects.filter(memberships__person=person, is_active=True):
        team_shelf(team)
    organisation = home_organisation(person)
    if organisation is not None:
        reading_list(person, organisation)
