from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Recommendations archive")

    def ready(self):
        from archive import emails, signals  # noqa: F401  (the outbox builder; publication receivers)
