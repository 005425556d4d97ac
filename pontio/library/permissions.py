"""Who may do what in the library, in one place."""

from typing import Any

from pontio.accounts.models import Role

from .models import Record

# People who may bring whole files of research in and review duplicates.
IMPORTERS = (Role.BROKER, Role.CHAMPION, Role.EMBEDDED, Role.ACADEMIC, Role.ADMIN)
CURATORS = (Role.BROKER, Role.ADMIN)


def can_import(person: Any) -> bool:
    return bool(person.has_role(*IMPORTERS))


def can_curate(person: Any) -> bool:
    return bool(person.has_role(*CURATORS))


def can_edit_record(person: Any, record: Record) -> bool:
    return record.added_by_id == person.pk or can_curate(person)
