from django.db import migrations


def seed(apps, schema_editor):
    from pontio.taxonomy.seed import seed_topics

    seed_topics(apps.get_model("taxonomy", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
