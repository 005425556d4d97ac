"""Search jobs: embedding items after their owner has saved them."""

from django.tasks import task

from pontio.search.semantic import semantic_refresh


@task()
def embed_items(kind: str, ids: list[int]) -> int:
    return semantic_refresh(kind, ids)
