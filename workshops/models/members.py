"""Who sits on a workshop: the residents drawn by lot and the volunteer members.

Members-only sessions admit these people alone. Organisers manage the volunteers
in the admin; the draw adds the residents it seats and removes those who decline.
A member is one row for every translation of the workshop, like its sessions.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MemberOrigin(models.TextChoices):
    DRAWN = "drawn", _("Drawn by lot")
    VOLUNTEER = "volunteer", _("Volunteer")


class WorkshopMemberQuerySet(models.QuerySet):
    def of_workshop(self, page):
        """Members of a workshop, whichever translation of it is given."""
        return self.filter(workshop__translation_key=page.translation_key)

    def matching(self, user=None, email=""):
        """Rows for this account or this address (case-insensitive)."""
        condition = models.Q(pk__in=[])
        if user is not None:
            condition |= models.Q(user=user) | models.Q(email__iexact=user.email)
        if email:
            condition |= models.Q(email__iexact=email.strip())
        return self.filter(condition)


class WorkshopMember(models.Model):
    workshop = models.ForeignKey(
        "workshops.WorkshopPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="members",
        help_text=_("Any translation of the workshop: membership holds in all of them."),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), help_text=_("Members register for members-only sessions with this address."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_memberships",
    )
    origin = models.CharField(_("seat"), max_length=16, choices=MemberOrigin.choices, default=MemberOrigin.VOLUNTEER)
    group = models.CharField(
        _("group"),
        max_length=150,
        blank=True,
        help_text=_("For volunteers: the body they come from, e.g. a neighbourhood union."),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    objects = WorkshopMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop member")
        verbose_name_plural = _("workshop members")
        ordering = ["workshop", "origin", "name"]
        constraints = [
            models.UniqueConstraint("workshop", Lower("email"), name="one_membership_per_email"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_origin_display()})"
