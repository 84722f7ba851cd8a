"""The portal's user: residents and staff alike; staff roles are groups (see roles.py)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.names import validate_person_name


class User(AbstractUser):
    display_name = models.CharField(
        _("public name"),
        max_length=80,
        blank=True,
        validators=[validate_person_name],
        help_text=_("Shown next to your comments and questions. Your email address is never shown."),
    )
    preferred_language = models.CharField(
        _("language for emails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def public_name(self):
        return self.display_name or self.get_short_name() or _("Resident")
