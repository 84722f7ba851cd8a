from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate, pre_delete
from django.utils.translation import gettext_lazy as _


def before_user_deletion(sender, instance, **kwargs):
    from accounts.services import erase_traces

    erase_traces(instance)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from accounts import emails  # noqa: F401 (registers its builder with the outbox)
        from accounts.sites import sync_django_site  # needs the models, which are ready only now

        pre_delete.connect(before_user_deletion, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.erase_traces")
        post_migrate.connect(sync_django_site, sender=self, dispatch_uid="accounts.sync_django_site")
