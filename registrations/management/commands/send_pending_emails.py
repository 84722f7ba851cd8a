"""Send every email still due in every outbox (retries after failures); release seats held past their hold."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef

from outbox.sending import send_due
from registrations.models import Registration
from registrations.services import locked_session, release_expired_holds
from workshops.models import Session


class Command(BaseCommand):
    help = __doc__

    def handle(self, **options):
        stale = Registration.objects.unconfirmed_past_hold().filter(session=OuterRef("pk"))
        released = 0
        for session_id in Session.objects.filter(Exists(stale)).values_list("pk", flat=True):
            with transaction.atomic():
                released += len(release_expired_holds(locked_session(session_id)))
        sent = send_due()
        self.stdout.write(f"{released} expired holds released, {sent} emails sent.")
