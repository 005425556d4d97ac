"""Records for the library's tests, made through the library's own service."""

from typing import Any

from pontio.lib.records import Author, ParsedRecord, RecordType
from pontio.library import services
from pontio.library.models import Record, Source, Visibility

RIS = """TY  - JOUR
TI  - Educational outcomes of looked-after children: a systematic review
AU  - Jones, Siân
AU  - Evans, Tomos
PY  - 2021
JO  - Child & Family Social Work
VL  - 26
IS  - 3
SP  - 401
EP  - 410
DO  - 10.1111/cfs.12345
AB  - Children in care do less well at school than their peers.
KW  - looked-after children
KW  - education
ER  -

TY  - RPRT
TI  - Gofal plant yn y cartref: adroddiad ar ŵyr ac wyresau
AU  - Price, Ann
PY  - 2019
PB  - Caerwen Council
ER  -
"""


def make_record(
    person: Any,
    organisation: Any,
    title: str = "Contextual harm and adolescents",
    *,
    visibility: str = Visibility.PARTNERSHIP,
    **fields: Any,
) -> Record:
    parsed = ParsedRecord(
        title=title,
        record_type=fields.pop("record_type", RecordType.ARTICLE),
        authors=fields.pop("authors", [Author("Firmin", "Carlene")]),
        year=fields.pop("year", 2020),
        **fields,
    )
    return services.record_create(
        person=person,
        organisation=organisation,
        parsed=parsed,
        source=Source.MANUAL,
        visibility=visibility,
    )
