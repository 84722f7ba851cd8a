"""Drop the personal data past its retention period, in every app that keeps some (run daily).

What is kept and for how long is in the settings (``*_RETENTION_DAYS``) and in the privacy notice:
registrations after their session, guests' registrations never confirmed (and seats still held for
them), the network part of addresses kept with comments, and the names of people not drawn.
"""

from django.core.management.base import BaseCommand

from comments.services import forget_old_addresses
from draws.services import forget_past_pools
from registrations.services import purge_past_retention

PURGES = (purge_past_retention, forget_old_addresses, forget_past_pools)


class Command(BaseCommand):
    help = __doc__

    def handle(self, **options):
        for purge in PURGES:
            for what, count in purge().items():
                self.stdout.write(f"{what}: {count}")
