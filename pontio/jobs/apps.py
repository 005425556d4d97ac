from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "pontio.jobs"
    label = "jobs"
