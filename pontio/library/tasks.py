"""Library jobs."""

from django.tasks import task

from .importing import import_run


@task()
def run_import(import_id: int) -> dict[str, int]:
    job = import_run(import_id)
    return {"imported": job.imported, "merged": job.merged, "rejected": job.rejected}


@task()
def scan_duplicates() -> int:
    from .dedupe import duplicates_scan

    return duplicates_scan()


@task()
def tell_collection_followers() -> int:
    from .services import collections_tell_followers

    return collections_tell_followers()
