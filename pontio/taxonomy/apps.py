from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "pontio.taxonomy"
    label = "taxonomy"
