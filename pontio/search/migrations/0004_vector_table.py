from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    from pontio.search.pgvector import create_table

    create_table(schema_editor)


def drop(apps: Any, schema_editor: Any) -> None:
    from pontio.search.pgvector import forget_pgvector_ready

    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS search_vector")
        forget_pgvector_ready(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_keyword_headings")]

    operations = [migrations.RunPython(create, drop)]
