"""Queue and send the reminder for sessions starting within 48 hours; safe to run every few minutes."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from outbox.sending import send_due
from registrations.models import SEATED_STATUSES, Notification, NotificationKind, Registration


class Command(BaseCommand):
    help = __doc__

    def handle(self, **options):
        now = timezone.now()
        horizon = now + timedelta(hours=settings.REGISTRATION_REMINDER_HOURS)
        due = (
            Registration.objects.filter(
                status__in=SEATED_STATUSES,
                email_confirmed_at__isnull=False,
                session__start__gt=now,
                session__start__lte=horizon,
            )
            .exclude(notifications__kind=NotificationKind.REMINDER)
            .values_list("pk", flat=True)
        )
        queued = 0
        for registration_id in list(due):
            try:
                with transaction.atomic():
                    Notification.objects.create(registration_id=registration_id, kind=NotificationKind.REMINDER)
                queued += 1
            except IntegrityError:
                continue  # another run queued it a moment ago: the constraint keeps it to one
        sent = send_due(now)
        self.stdout.write(f"{queued} reminders queued, {sent} emails sent.")
