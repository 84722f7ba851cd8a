from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DrawsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "draws"
    verbose_name = _("Draws by lot")

    def ready(self):
        from draws import emails  # noqa: F401 (registers its builders with the outbox)
        from draws.models import DRAWS, Draw
        from portal import versions

        versions.follow(Draw, lambda row: DRAWS)  # where each draw stands, on its workshop's page
