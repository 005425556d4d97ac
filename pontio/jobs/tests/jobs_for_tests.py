"""Jobs used only by the job machinery's tests."""

from django.tasks import task

from pontio.jobs.worker import PermanentJobError

CALLS: list[str] = []


@task()
def flaky(label: str) -> str:
    CALLS.append(label)
    if CALLS.count(label) < 2:
        raise ConnectionError("the outside world blinked")
    return label


@task()
def always_fails() -> None:
    raise ConnectionError("down")


@task()
def bad_input() -> None:
    raise PermanentJobError("this file is not RIS")
