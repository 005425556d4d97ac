"""Bringing an expert's publications in from OpenAlex or ORCID, and a partner university's
authors in as draft profiles. Works become library records through the library's own services
(a work the library has already is linked, never added twice) and are linked to profiles.

Each work is saved in its own transaction: when OpenAlex or ORCID fails part-way, what was saved
stays whole and linked, the report says what happened, and running the import again carries on
without doubling anything."""

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pontio.core.history import save_as
from pontio.lib.clients.base import (
    ClientError,
    InvalidIdentifier,
    NotFound,
    ServiceUnavailable,
    bare_orcid,
)
from pontio.lib.clients.openalex import OpenAlexClient
from pontio.lib.clients.orcid import OrcidClient, OrcidWork
from pontio.lib.formats.encoding import FormatError
from pontio.lib.formats.openalex import last_part, record_from_openalex_work
from pontio.lib.normalise import fold
from pontio.lib.records import ParsedRecord, RecordType
from pontio.library import lookup
from pontio.library.importing import rejection_reason
from pontio.library.models import Source, translated
from pontio.library.services import record_create, record_find_duplicate
from pontio.organisations.permissions import home_organisation

from .indexing import index_profiles
from .models import Profile, ProfileState
from .services import PeopleError, can_edit_profile, can_manage_drafts

logger = logging.getLogger(__name__)

RECENT_WORKS = 50  # an expert's most recent works, which show their current expertise
RECENT_YEARS = 3  # an institution import looks at works from this year and the two before
DOIS_PER_REQUEST = 50  # OpenAlex takes up to 50 values in one filter

_INSTITUTION_ID = re.compile(r"^(?:https?://openalex\.org/)?(I\d+)$", re.IGNORECASE)

_ORCID_TYPES = {
    "journal-article": RecordType.ARTICLE,
    "conference-paper": RecordType.ARTICLE,
    "preprint": RecordType.ARTICLE,
    "review": RecordType.ARTICLE,
    "book": RecordType.BOOK,
    "edited-book": RecordType.BOOK,
    "book-chapter": RecordType.CHAPTER,
    "report": RecordType.REPORT,
    "working-paper": RecordType.REPORT,
    "dissertation-thesis": RecordType.THESIS,
    "data-set": RecordType.DATASET,
    "website": RecordType.WEBPAGE,
}


@dataclass
class ImportReport:
    new: int = 0  # records new to the library, now linked
    linked: int = 0  # records the library already had, now linked
    skipped: int = 0  # works not linked: linked before, unusable, off-topic, or failed
    profiles: int = 0  # draft profiles made (institution imports)
    problems: list[str] = field(default_factory=list)  # plain-language, translated
    finished: bool = True  # False when it stopped part-way: running it again carries on

    @property
    def summary(self) -> str:
        text = _(
            "%(new)s new to the library, %(linked)s already in it now linked, %(skipped)s skipped."
        ) % {"new": self.new, "linked": self.linked, "skipped": self.skipped}
        if self.profiles:
            text += " " + _("%(count)s draft profiles made.") % {"count": self.profiles}
        if not self.finished:
            text += " " + _("The import stopped part-way: run it again to continue.")
        return text

    def stop(self, problem: str) -> None:
        self.problems.append(problem)
        self.finished = False


@contextmanager
def _openalex(given: OpenAlexClient | None) -> Iterator[OpenAlexClient]:
    if given is not None:
        yield given
        return
    with OpenAlexClient(lookup.client_config(), transport=lookup.transport()) as made:
        yield made


@contextmanager
def _orcid(given: OrcidClient | None) -> Iterator[OrcidClient]:
    if given is not None:
        yield given
        return
    with OrcidClient(lookup.client_config(), transport=lookup.transport()) as made:
        yield made


def _refused(error: ClientError, value: str) -> str:
    """Why nothing was imported, when the first request already failed."""
    if isinstance(error, InvalidIdentifier):
        return str(error)
    if isinstance(error, NotFound):
        return _("%(service)s has no record of “%(value)s”. Check it and try again.") % {
            "service": error.service,
            "value": value,
        }
    if isinstance(error, ServiceUnavailable):
        return _(
            "%(service)s could not be reached, so nothing was imported. Try again in a few minutes."
        ) % {"service": error.service}
    return _("%(service)s refused the request, so nothing was imported: %(detail)s") % {
        "service": error.service,
        "detail": str(error),
    }


def _stopped(error: ClientError) -> str:
    return _(
        "%(service)s stopped answering part-way (%(detail)s). The works saved before that are "
        "kept and linked; run the import again to fetch the rest. Nothing will be added twice."
    ) % {"service": error.service, "detail": str(error)}


@contextmanager
def _each_work(report: ImportReport, title: str) -> Iterator[None]:
    """One work's records and links in one transaction; a failure skips only that work."""
    try:
        with transaction.atomic():
            yield
    except Exception as error:
        logger.exception("Saving the work %r failed", title)
        report.skipped += 1
        report.problems.append(
            _("“%(title)s” could not be saved (%(error)s). The other works were.")
            % {"title": title[:120], "error": error.__class__.__name__}
        )


def _usable(parsed: ParsedRecord, report: ImportReport) -> bool:
    if reason := rejection_reason(parsed):
        report.skipped += 1
        report.problems.append(
            _("“%(title)s” was skipped: %(reason)s")
            % {"title": parsed.title[:120] or "?", "reason": translated(*reason)}
        )
        return False
    return True


def _record_and_link(
    *,
    person: Any,
    organisation: Any,
    parsed: ParsedRecord,
    profiles: Sequence[Profile],
    report: ImportReport,
) -> None:
    """Find the work in the library or add it, then link it to each profile not linked yet.
    Call inside _each_work."""
    record = record_find_duplicate(parsed)
    made = record is None
    if record is None:
        record = record_create(
            person=person, organisation=organisation, parsed=parsed, source=Source.IMPORT
        )
    fresh = [p for p in profiles if not p.works.filter(pk=record.pk).exists()]
    for profile in fresh:
        profile.works.add(record)
    if made:
        report.new += 1
    elif fresh:
        report.linked += 1
    else:
        report.skipped += 1


def _check_may_import(person: Any, profile: Profile) -> Any:
    """The organisation the new records belong to; PeopleError if the person may not."""
    if not can_edit_profile(person, profile):
        raise PeopleError(_("Only the person this profile belongs to can add publications."))
    organisation = profile.organisation or home_organisation(person)
    if organisation is None:
        raise PeopleError(
            _("Publications belong to an organisation: choose the profile's organisation first.")
        )
    return organisation


def _claim_identifier(person: Any, profile: Profile, name: str, value: str) -> str:
    """Record the profile's ORCID or OpenAlex ID if it has none. Returns a problem, or ""."""
    if not value:
        return ""
    current = getattr(profile, name)
    if current and current != value:
        return _(
            "This profile is for %(current)s, not %(value)s: check the identifier, or remove "
            "the profile's own first."
        ) % {"current": current, "value": value}
    if current:
        return ""
    other = Profile.objects.exclude(pk=profile.pk).filter(**{name: value}).first()
    if other is not None:
        # Not named: it may be a hidden profile or a broker's unclaimed draft.
        return _(
            "Another profile already has %(value)s. If it describes you, ask a knowledge broker "
            "to give it to you."
        ) % {"value": value}
    setattr(profile, name, value)
    save_as(person, profile)
    return ""


def _since(author: dict[str, Any], limit: int) -> int | None:
    """The earliest year needed for the author's `limit` most recent works, so that a prolific
    author's whole list is not fetched for them; None when every year is needed."""
    if (author.get("works_count") or 0) <= limit:
        return None
    total = 0
    rows = [r for r in author.get("counts_by_year") or [] if isinstance(r.get("year"), int)]
    for row in sorted(rows, key=lambda r: r["year"], reverse=True):
        total += row.get("works_count") or 0
        if total >= limit:
            return int(row["year"])
    return None  # counts_by_year covers the last ten years only


def works_from_openalex_author(
    person: Any,
    profile: Profile,
    author_id_or_orcid: str,
    client: OpenAlexClient | None = None,
    *,
    limit: int = RECENT_WORKS,
) -> ImportReport:
    """The author's `limit` most recent works from OpenAlex, as library records linked to the
    profile. The profile takes the author's OpenAlex ID (and ORCID) if it has none."""
    organisation = _check_may_import(person, profile)
    report = ImportReport()
    with _openalex(client) as openalex:
        try:
            author = openalex.author(author_id_or_orcid)
        except ClientError as error:
            report.stop(_refused(error, author_id_or_orcid))
            return report
        author_id = last_part(author.get("id")).upper()
        if problem := _claim_identifier(person, profile, "openalex_id", author_id):
            report.stop(problem)
            return report
        if problem := _claim_identifier(
            person, profile, "orcid", bare_orcid(author.get("orcid") or "")
        ):
            report.problems.append(problem)  # the works are still theirs
        query = f"author.id:{author_id}"
        if year := _since(author, limit):
            query += f",from_publication_date:{year}-01-01"
        works: list[dict[str, Any]] = []
        try:
            works.extend(openalex.works(filter=query))
        except ClientError as error:
            report.stop(_stopped(error))  # what the earlier pages brought is still saved
    works.sort(key=lambda w: str(w.get("publication_date") or ""), reverse=True)
    for work in works[:limit]:
        try:
            parsed = record_from_openalex_work(work)
        except FormatError as error:
            report.skipped += 1
            report.problems.append(translated(error.template, dict(error.params)))
            continue
        if _usable(parsed, report):
            with _each_work(report, parsed.title):
                _record_and_link(
                    person=person,
                    organisation=organisation,
                    parsed=parsed,
                    profiles=[profile],
                    report=report,
                )
    return report


def _parsed_from_orcid(work: OrcidWork) -> ParsedRecord:
    return ParsedRecord(
        title=work.title,
        record_type=_ORCID_TYPES.get(work.type, RecordType.GREY),
        year=work.year,
        date=str(work.year or ""),
        doi=work.doi,
        container=work.journal,
    )


def _openalex_by_doi(
    dois: Sequence[str], client: OpenAlexClient | None, report: ImportReport
) -> dict[str, ParsedRecord]:
    """OpenAlex's fuller records (authors, abstract, open copy) for these DOIs, many at a
    time. Without OpenAlex, ORCID's own title, year and DOI are saved instead."""
    found: dict[str, ParsedRecord] = {}
    # A comma or bar would split the filter; such rare DOIs keep ORCID's details.
    usable = [d for d in dois if "," not in d and "|" not in d]
    with _openalex(client) as openalex:
        for start in range(0, len(usable), DOIS_PER_REQUEST):
            chunk = usable[start : start + DOIS_PER_REQUEST]
            try:
                for work in openalex.works(filter="doi:" + "|".join(chunk), per_page=50):
                    try:
                        parsed = record_from_openalex_work(work)
                    except FormatError:
                        continue
                    found.setdefault(parsed.doi, parsed)
            except ClientError as error:
                report.problems.append(
                    _(
                        "OpenAlex could not be reached (%(detail)s), so some works were saved "
                        "with only the title, year and DOI that ORCID gives."
                    )
                    % {"detail": str(error)}
                )
                break
    return found


def works_from_orcid(
    person: Any,
    profile: Profile,
    orcid: str,
    client: OrcidClient | None = None,
    *,
    openalex: OpenAlexClient | None = None,
) -> ImportReport:
    """The works on a public ORCID record, as library records linked to the profile. Works with
    a DOI that the library lacks are looked up in OpenAlex for their full details."""
    organisation = _check_may_import(person, profile)
    report = ImportReport()
    with _orcid(client) as orcid_client:
        try:
            works = orcid_client.works(orcid)
        except ClientError as error:
            report.stop(_refused(error, orcid))
            return report
    if problem := _claim_identifier(person, profile, "orcid", bare_orcid(orcid)):
        report.stop(problem)
        return report
    parsed_works = [_parsed_from_orcid(work) for work in works]
    missing = [p.doi for p in parsed_works if p.doi and record_find_duplicate(p) is None]
    fuller = _openalex_by_doi(missing, openalex, report) if missing else {}
    for parsed in parsed_works:
        parsed = fuller.get(parsed.doi, parsed) if parsed.doi else parsed
        if _usable(parsed, report):
            with _each_work(report, parsed.title):
                _record_and_link(
                    person=person,
                    organisation=organisation,
                    parsed=parsed,
                    profiles=[profile],
                    report=report,
                )
    return report


def _topics_about(parsed: ParsedRecord, topics: Sequence[Any]) -> list[Any]:
    """The given topics the work is about, by the rule the library suggests topics with
    (services.topics_suggested), applied before a record exists so off-topic works are never
    saved."""
    from pontio.taxonomy.seed import SUGGESTING_TERMS

    text = " | ".join(fold(t) for t in [*parsed.keywords, *parsed.concepts, parsed.title])
    return [
        topic
        for topic in topics
        if any(fold(term) in text for term in SUGGESTING_TERMS.get(topic.slug) or [topic.name_en])
    ]


def _authors_at(work: dict[str, Any], institution_id: str) -> dict[str, tuple[str, str]]:
    """{OpenAlex author ID: (name, ORCID)} for the work's authors at the institution. OpenAlex
    sometimes lists one author twice; they count once."""
    found: dict[str, tuple[str, str]] = {}
    for authorship in work.get("authorships") or []:
        places = {last_part(i.get("id")).upper() for i in authorship.get("institutions") or []}
        author = authorship.get("author") or {}
        author_id = last_part(author.get("id")).upper()
        name = str(author.get("display_name") or authorship.get("raw_author_name") or "").strip()
        if institution_id in places and author_id and name:
            found.setdefault(author_id, (name[:200], bare_orcid(author.get("orcid") or "")))
    return found


def _draft_profiles(
    *,
    person: Any,
    organisation: Any,
    authors: dict[str, tuple[str, str]],
    topics: Sequence[Any],
) -> tuple[list[Profile], int]:
    """The unclaimed drafts for these authors, and how many were made. A profile someone has
    claimed is theirs to fill: imports do not add to it."""
    profiles, made = [], 0
    for author_id, (name, orcid) in authors.items():
        profile = Profile.objects.filter(openalex_id=author_id).first()
        if profile is None:
            taken = bool(orcid) and Profile.objects.filter(orcid=orcid).exists()
            profile = Profile(
                person=None,
                name=name,
                organisation=organisation,
                openalex_id=author_id,
                orcid="" if taken else orcid,
                state=ProfileState.DRAFT,
            )
            save_as(person, profile)
            made += 1
        if profile.is_claimed:
            continue
        if topics:
            profile.topics.add(*topics)
        profiles.append(profile)
    if topics:  # the topics are part of the stated expertise that matching reads
        index_profiles(profiles)
    return profiles, made


def institution_drafts(
    person: Any,
    organisation: Any,
    institution_id_or_ror: str,
    topics: Iterable[Any] = (),
    client: OpenAlexClient | None = None,
    *,
    since_year: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """A partner university's recent works from OpenAlex, as library records, grouped by its
    authors into unclaimed draft profiles of `organisation`. With topics, only works about
    them are kept. `progress` is told how many works have been looked at so far."""
    if not can_manage_drafts(person):
        raise PeopleError(_("Only a knowledge broker can import a university's experts."))
    topics = list(topics)
    since_year = since_year or timezone.now().year - RECENT_YEARS + 1
    report = ImportReport()
    with _openalex(client) as openalex:
        if match := _INSTITUTION_ID.match(institution_id_or_ror.strip()):
            institution_id = match.group(1).upper()
        else:
            try:
                institution = openalex.institution(institution_id_or_ror)
            except ClientError as error:
                report.stop(_refused(error, institution_id_or_ror))
                return report
            institution_id = last_part(institution.get("id")).upper()
        query = (
            f"authorships.institutions.id:{institution_id},from_publication_date:{since_year}-01-01"
        )
        seen = 0
        try:
            for work in openalex.works(filter=query):
                seen += 1
                _institution_work(
                    person=person,
                    organisation=organisation,
                    institution_id=institution_id,
                    work=work,
                    topics=topics,
                    report=report,
                )
                if progress is not None:
                    progress(seen)
        except ClientError as error:
            report.stop(_stopped(error))
    if seen == 0 and report.finished:
        report.problems.append(
            _("OpenAlex lists no works from %(institution)s since %(year)s.")
            % {"institution": institution_id_or_ror, "year": since_year}
        )
    return report


def _institution_work(
    *,
    person: Any,
    organisation: Any,
    institution_id: str,
    work: dict[str, Any],
    topics: Sequence[Any],
    report: ImportReport,
) -> None:
    try:
        parsed = record_from_openalex_work(work)
    except FormatError:
        report.skipped += 1
        return
    about = _topics_about(parsed, topics) if topics else []
    authors = _authors_at(work, institution_id)
    if (topics and not about) or not authors:
        report.skipped += 1  # off-topic, or nobody from the university has their name on it
        return
    if not _usable(parsed, report):
        return
    with _each_work(report, parsed.title):
        profiles, made = _draft_profiles(
            person=person, organisation=organisation, authors=authors, topics=about
        )
        if not profiles:
            report.skipped += 1  # every author has claimed their profile
            return
        _record_and_link(
            person=person,
            organisation=organisation,
            parsed=parsed,
            profiles=profiles,
            report=report,
        )
        report.profiles += made  # last, so a failed work's profiles (rolled back) are not counted


def institution_import_queue(
    *,
    person: Any,
    organisation: Any,
    institution_id_or_ror: str,
    topics: Iterable[Any] = (),
    since_year: int | None = None,
) -> None:
    """Run institution_drafts as a job, once the transaction that asked for it has committed."""
    from .tasks import import_institution

    if not can_manage_drafts(person):
        raise PeopleError(_("Only a knowledge broker can import a university's experts."))
    topic_ids = [topic.pk for topic in topics]
    transaction.on_commit(
        lambda: import_institution.enqueue(
            person.pk, organisation.pk, institution_id_or_ror, topic_ids, since_year
        )
    )
