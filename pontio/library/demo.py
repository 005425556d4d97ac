"""The demo library: the briefing's own references with their real metadata, the OpenAlex
sample for volume (when ../shared/data is beside the checkout), and team shelves with notes."""

from pathlib import Path
from typing import Any

from django.db import transaction

from pontio.lib.records import Author, ParsedRecord, RecordType
from pontio.organisations.models import Organisation, Team

from . import services
from .importing import import_prepare, import_run
from .models import Import, Record, Source, Visibility

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "data"
    / "openalex"
    / "works-sample.jsonl.gz"
)

BRIEFING_REFERENCES = [
    ParsedRecord(
        title="Making the Most of Research: Final Report of the ESRC Local Government "
        "Knowledge Navigator",
        record_type=RecordType.REPORT,
        year=2015,
        date="2015",
        authors=[Author("Allen", "Tom"), Author("Grace", "Clive"), Author("Martin", "Steve")],
        publisher="Solace and the Economic and Social Research Council",
        url="https://solace.org.uk/wp-content/uploads/2019/05/"
        "SOLACE-Reports-and-Guides-Solace-Making-the-Most-of-Research.pdf",
        keywords=["local government", "research use", "knowledge navigator"],
    ),
    ParsedRecord(
        title="The two-communities theory and knowledge utilization",
        year=1979,
        date="1979",
        authors=[Author("Caplan", "Nathan")],
        container="American Behavioral Scientist",
        volume="22",
        issue="3",
        pages="459-470",
        doi="10.1177/000276427902200308",
        keywords=["knowledge utilization", "research use", "policy"],
    ),
    ParsedRecord(
        title="Challenges and enablers of the embedded researcher model",
        year=2020,
        date="2020",
        authors=[Author("Coates", "Dominiek"), Author("Mickan", "Sharon")],
        container="Journal of Health Organization and Management",
        volume="34",
        issue="7",
        pages="743-764",
        doi="10.1108/jhom-02-2020-0043",
        keywords=["embedded researcher", "research capacity", "evidence-informed practice"],
    ),
    ParsedRecord(
        title="The Science of Using Science: Researching the Use of Research Evidence in "
        "Decision-Making",
        record_type=RecordType.REPORT,
        year=2016,
        date="2016",
        authors=[
            Author("Langer", "Laurenz"),
            Author("Tripney", "Janice"),
            Author("Gough", "David"),
        ],
        publisher="EPPI-Centre, UCL Institute of Education",
        keywords=["research use", "evidence-informed decision making", "systematic review"],
    ),
    ParsedRecord(
        title="Improving Decision-making and Practice in Public Health and Social Care Research "
        "by Making the Connections between Cardiff Council and Cardiff University",
        record_type=RecordType.REPORT,
        year=2021,
        date="2021",
        authors=[
            Author("Bowen", "Kerry"),
            Author("Bristow", "Dan"),
            Author("Taylor-Collins", "Emma"),
            Author("Downe", "James"),
        ],
        publisher="Cardiff Council and Wales Centre for Public Policy",
        keywords=[
            "research champions",
            "knowledge brokers",
            "embedded researchers",
            "children's services",
        ],
    ),
]

SHELF_NOTES = {
    "Intake and Assessment": [
        (2, "To discuss at the team meeting on 4 March"),
        (0, "Background for the research champion role"),
    ],
    "Children Looked After": [(1, "Journal club, next month"), (4, "")],
    "Safeguarding Hub": [(3, "What helps evidence get used: read before supervision")],
}


def demo_library_load(*, person: Any, organisation: Organisation) -> int:
    """Load the demo library (idempotent). Returns how many records it has afterwards."""
    references = []
    with transaction.atomic():
        for parsed in BRIEFING_REFERENCES:
            found = services.record_find_duplicate(parsed)
            references.append(
                found
                or services.record_create(
                    person=person,
                    organisation=organisation,
                    parsed=parsed,
                    source=Source.MANUAL,
                    visibility=Visibility.PUBLIC,
                )
            )
    if SAMPLE.is_file() and not Import.objects.filter(filename=SAMPLE.name).exists():
        with transaction.atomic():
            job = import_prepare(
                person=person,
                organisation=organisation,
                filename=SAMPLE.name,
                data=SAMPLE.read_bytes(),
                visibility=Visibility.PARTNERSHIP,
            )
        import_run(job.pk)
    for team in Team.objects.filter(organisation=organisation):
        shelf = services.team_shelf(team)
        for index, note in SHELF_NOTES.get(team.name_en, []):
            services.collection_add(
                person=person, collection=shelf, record=references[index], note=note
            )
    return Record.objects.current().count()
