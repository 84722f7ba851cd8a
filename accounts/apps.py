from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


def before_user_deletion(sender, instance, **kwargs):
    from accounts.services import erase_traces

    erase_traces(instance)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        pre_delete.connect(before_user_deletion, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.erase_traces")
