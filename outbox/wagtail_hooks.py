from datetime import timedelta

from django.utils import timezone
from wagtail import hooks

from outbox.models import Email
from outbox.sending import OUTBOXES
from portal.health import HOOK as HEALTH_HOOK

LATE = timedelta(hours=1)


@hooks.register(HEALTH_HOOK)
def emails_go_out():
    """No email has waited more than an hour past its time: else the worker or the mail server is stuck.

    Not required to serve pages, so a failure makes ``/healthz`` say ``degraded``, for monitoring.
    """
    late = timezone.now() - LATE
    stuck = any(rows.due(late).exists() for rows in [Email.objects, *(rows for rows, _build in OUTBOXES)])
    return "emails", not stuck, False
