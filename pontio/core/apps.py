from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pontio.core"
    label = "core"
