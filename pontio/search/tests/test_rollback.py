"""A save rolled back after the search index was written leaves the connection working: the
keyword tables exist from migration, so no virtual table is first created inside a savepoint
(which SQLite cannot undo cleanly)."""

from typing import Any

import pytest
from django.db import transaction

from pontio.lib.records import ParsedRecord, RecordType
from pontio.library.models import Record
from pontio.library.services import record_create


def test_rollback_after_indexing_leaves_the_connection_working(
    social_worker: Any, council: Any
) -> None:
    with pytest.raises(ValueError, match="stop"), transaction.atomic():
        record_create(
            person=social_worker,
            organisation=council,
            parsed=ParsedRecord(title="A report", record_type=RecordType.REPORT),
            source="manual",
        )
        raise ValueError("stop")
    with transaction.atomic():
        assert not Record.objects.exists()
