"""People jobs: importing a partner university's experts, which can take many pages of
OpenAlex, runs in the background."""

import logging
from dataclasses import asdict
from typing import Any

from django.tasks import task

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 100  # works between progress lines in the log


@task()
def import_institution(
    person_id: int,
    organisation_id: int,
    institution_id_or_ror: str,
    topic_ids: list[int],
    since_year: int | None = None,
) -> dict[str, Any]:
    """Run institution_drafts. Safe to run again: what is there already is found, not
    doubled. Returns the report (counts, problems, whether it finished) for the jobs page."""
    from pontio.accounts.models import Person
    from pontio.organisations.models import Organisation
    from pontio.taxonomy.models import Topic

    from .importing import institution_drafts

    def progress(seen: int) -> None:
        if seen % PROGRESS_EVERY == 0:
            logger.info("Institution import %s: %d works looked at", institution_id_or_ror, seen)

    report = institution_drafts(
        person=Person.objects.get(pk=person_id),
        organisation=Organisation.objects.get(pk=organisation_id),
        institution_id_or_ror=institution_id_or_ror,
        topics=Topic.objects.filter(pk__in=topic_ids),
        since_year=since_year,
        progress=progress,
    )
    return asdict(report)
