"""Starter glossary: words common in research writing about social care, each with a plainer
way to say it. Brokers change it from the glossary page."""

from django.db import migrations

TERMS = {
    "heterogeneity": "differences between studies",
    "efficacy": "whether it works in trials",
    "effectiveness": "whether it works in everyday practice",
    "cohort": "group followed over time",
    "statistically significant": "unlikely to be chance",
    "meta-analysis": "a study combining the results of many studies",
    "systematic review": "a careful search for, and summary of, all the studies on a question",
    "longitudinal": "following the same people over time",
    "qualitative": "based on interviews, groups or observation",
    "quantitative": "based on numbers and measurement",
    "intervention": "service or approach",
    "outcomes": "what changed for people",
    "randomised controlled trial": "a test comparing groups chosen by chance",
    "methodology": "how the study was done",
    "paradigm": "way of thinking",
    "empirical": "based on what was observed",
    "correlation": "a link (not necessarily a cause)",
    "confounding": "another factor that could explain the result",
    "sample size": "number of people in the study",
    "attrition": "people dropping out of the study",
    "prevalence": "how common it is",
    "incidence": "how many new cases there are",
    "mitigate": "reduce",
    "facilitate": "help",
    "utilise": "use",
    "operationalise": "put into practice",
    "stakeholders": "people involved",
}


def add_terms(apps, schema_editor):
    GlossaryTerm = apps.get_model("briefs", "GlossaryTerm")
    for term, plain in TERMS.items():
        GlossaryTerm.objects.get_or_create(term=term, defaults={"plain": plain})


def remove_terms(apps, schema_editor):
    apps.get_model("briefs", "GlossaryTerm").objects.filter(term__in=TERMS).delete()


class Migration(migrations.Migration):
    dependencies = [("briefs", "0001_initial")]

    operations = [migrations.RunPython(add_terms, remove_terms)]
