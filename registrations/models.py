"""Registrations for sessions and the outbox of emails about them.

Seats are numbered: a registration holding a seat has a seat number, unique per
session, so even a bug in the service could not seat two people in one place.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outbox.models import Delivery

MAX_CHILDREN = 8


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ATTENDED = "attended", _("Attended")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired (email not confirmed)")


ACTIVE_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED]
SEATED_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED]


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def unconfirmed_past_hold(self, now=None):
        """People without an account who did not click the confirmation link in time."""
        now = now or timezone.now()
        return self.active().filter(email_confirmed_at__isnull=True, hold_expires_at__lte=now)

    def holding_unconfirmed(self, now=None):
        """Seats still held for guests who have not confirmed their email address."""
        now = now or timezone.now()
        return self.filter(status__in=SEATED_STATUSES, email_confirmed_at__isnull=True, hold_expires_at__gt=now)

    def waiting(self):
        """The waiting list in order of arrival."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlisted_at", "pk")


class Registration(models.Model):
    session = models.ForeignKey(
        "workshops.Session", verbose_name=_("session"), on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language for emails"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    seat = models.PositiveIntegerField(_("seat number"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("joined the waiting list at"), null=True, blank=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed at"), null=True, blank=True)
    hold_expires_at = models.DateTimeField(_("seat held until"), null=True, blank=True)
    district = models.ForeignKey(
        "workshops.District", verbose_name=_("district"), on_delete=models.SET_NULL, null=True, blank=True
    )
    children = models.PositiveSmallIntegerField(
        _("children to look after"), default=0, validators=[MaxValueValidator(MAX_CHILDREN)]
    )
    children_ages = models.CharField(_("ages of the children"), max_length=100, blank=True)
    access_needs = models.TextField(_("access needs"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        permissions = [("view_private_answers", _("Can see childcare ages and access needs"))]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "seat"], condition=Q(seat__isnull=False), name="one_person_per_seat"
            ),
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="one_active_registration_per_email",
            ),
            models.CheckConstraint(
                condition=Q(seat__isnull=True) | Q(status__in=SEATED_STATUSES), name="only_seated_have_seats"
            ),
            models.CheckConstraint(condition=Q(children__lte=MAX_CHILDREN), name="registration_children_limit"),
        ]

    def __str__(self):
        return f"{self.name} – {self.session}"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def awaiting_email_confirmation(self):
        return self.is_active and self.email_confirmed_at is None

    def waitlist_position(self):
        """1 for the first person waiting; None when not waiting."""
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        ahead = Registration.objects.waiting().filter(session_id=self.session_id)
        ahead = ahead.filter(waitlisted_at__lt=self.waitlisted_at) | ahead.filter(
            waitlisted_at=self.waitlisted_at, pk__lt=self.pk
        )
        return ahead.count() + 1


class NotificationKind(models.TextChoices):
    CONFIRM_EMAIL = "confirm_email", _("Please confirm your email")
    CONFIRMED = "confirmed", _("Registration confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PROMOTED = "promoted", _("A seat became free")
    CANCELLED = "cancelled", _("Registration cancelled")
    REMINDER = "reminder", _("Reminder")
    MESSAGE = "message", _("Message from the organisers")


class Notification(Delivery):
    """One email about a registration, written in the same transaction as the change it reports.

    It belongs to its registration (deleted with it, one of each kind) and is sent by the
    portal's one sender (``outbox.sending``).
    """

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    subject = models.CharField(max_length=200, blank=True, help_text="For staff messages only.")
    body = models.TextField(blank=True, help_text="For staff messages only.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"],
                condition=~Q(kind=NotificationKind.MESSAGE),
                name="one_notification_of_each_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.registration.email}"
