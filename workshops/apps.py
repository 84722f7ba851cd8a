from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Councils and workshops")

    def ready(self):
        from search import registry
        from workshops.search import upcoming_sessions

        registry.add_source(upcoming_sessions)
