"""The demo projects: fifteen and more of every kind and status, the steering group's
commissioned project linked to its decision, and loading twice changes nothing."""

from typing import Any

from pontio.agenda.models import Decision
from pontio.core.demo import demo_load
from pontio.organisations.models import Organisation
from pontio.projects.demo import demo_projects_load
from pontio.projects.models import (
    Deliverable,
    ExpertInvitation,
    Kind,
    ProgressUpdate,
    Project,
    ProjectMember,
    Status,
)


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Project, ProjectMember, Deliverable, ProgressUpdate, ExpertInvitation)
    )


def test_the_demo_projects_load_once(seeded_topics: Any) -> None:
    demo_load()  # loads the demo projects too
    council = Organisation.objects.get(name_en="Caerwen Council")
    counts = _counts()
    assert demo_projects_load(organisation=council) == 0
    assert _counts() == counts

    assert Project.objects.count() >= 15
    assert set(Project.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert set(Project.objects.values_list("status", flat=True)) == set(Status.values)
    assert Project.objects.filter(organisation__name_en="Caerwen University").exists()
    decision = Decision.objects.get(outcome="commission")
    commissioned = Project.objects.get(decision=decision)
    assert commissioned.title_en == decision.commissions and commissioned.budget
    assert set(commissioned.questions.all()) == set(decision.questions.all())
    assert ExpertInvitation.objects.filter(project=commissioned, state="accepted").exists()
    assert Project.objects.filter(outputs_accepted_at__isnull=False).exists()
