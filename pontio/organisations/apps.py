from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "pontio.organisations"
    label = "organisations"
