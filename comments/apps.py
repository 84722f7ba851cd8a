from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    verbose_name = _("Comments and questions")

    def ready(self):
        """Switch off django-comments-xtd's cascade of visibility to replies.

        xtd hides every reply when a comment stops being public, and bumps the
        reply counts of its ancestors on every save. Here a hidden or deleted
        comment keeps its replies and each comment carries its own status, so the
        cascade would be wrong twice over.
        """
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from comments import emails  # noqa: F401 (registers its builder with the outbox)
        from comments.models import PortalComment

        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=PortalComment._meta.label)
