"""The durable outbox: an email is a row written with the change it reports, sent after commit.

``Delivery`` holds what every outbox row needs to be sent once and retried with back-off;
``Email`` is the row of every app that has no outbox of its own (registrations keep
``Notification``, tied to the registration it is about, on the same ``Delivery``).
"""

from django.db import models
from django.utils import timezone


class DeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(sent_at__isnull=True, gave_up=False, next_attempt_at__lte=now)


class Delivery(models.Model):
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    gave_up = models.BooleanField(default=False)
    last_error = models.TextField(blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        abstract = True


class Email(Delivery):
    """One email, built when sent by the builder registered under ``kind`` from ``data``."""

    kind = models.CharField(max_length=64)
    data = models.JSONField(default=dict)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "gave_up", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.kind} #{self.pk}"
