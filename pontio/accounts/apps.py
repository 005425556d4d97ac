from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pontio.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the failed sign-in log)
