from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Recommendations archive")

    def ready(self):
        from archive import browse, emails, signals  # noqa: F401  (the outbox builder; publication receivers)
        from archive.models import Endorsement, RecommendationPage
        from archive.models.endorsements import ENDORSEMENTS
        from portal import versions
        from search import registry

        registry.register(RecommendationPage, browse.FACETS)
        versions.follow(Endorsement, lambda row: ENDORSEMENTS)
