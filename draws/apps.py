from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DrawsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "draws"
    verbose_name = _("Draws by lot")

    def ready(self):
        from draws import emails  # noqa: F401 (registers its builders with the outbox)
        from draws.models import DRAWS, Candidacy, Draw, Quota
        from portal import versions

        for model in (Draw, Quota, Candidacy):  # where each draw stands and its pool, on public pages
            versions.follow(model, lambda row: DRAWS)
