from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from outbox import sending  # the models are loaded only now
        from registrations import notifications

        sending.register_outbox(notifications.NOTIFICATIONS, notifications.build_email)
