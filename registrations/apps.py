from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from outbox import sending  # the models are loaded only now
        from portal import versions
        from registrations import notifications, services
        from registrations.models import Registration
        from workshops.models import Session, SessionText

        sending.register_outbox(notifications.NOTIFICATIONS, notifications.build_email)
        for model in (Session, SessionText, Registration):  # seats left, on every page that shows sessions
            versions.follow(model, lambda row: services.SESSIONS)
