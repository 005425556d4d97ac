"""Event jobs: telling the people who signed up that an event is cancelled or has changed."""

from django.tasks import task


@task()
def tell_cancelled(event_id: int) -> int:
    from .mail import cancelled_tell

    return cancelled_tell(event_id)


@task()
def tell_changed(event_id: int) -> int:
    from .mail import changed_tell

    return changed_tell(event_id)
