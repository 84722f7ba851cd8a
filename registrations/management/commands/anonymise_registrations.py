"""Anonymise registrations of sessions that ended more than REGISTRATION_RETENTION_DAYS ago."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from registrations.models import Registration
from registrations.services import anonymise


class Command(BaseCommand):
    help = __doc__

    def handle(self, **options):
        cutoff = timezone.now() - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
        old = Registration.objects.filter(session__end__lt=cutoff, anonymised_at__isnull=True)
        count = 0
        for registration in old.iterator():
            anonymise(registration)
            count += 1
        self.stdout.write(f"{count} registrations anonymised.")
