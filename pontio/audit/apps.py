from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pontio.audit"
    label = "audit"
