"""Sending the outbox, once per email, with retries: the one sender of every email of the portal.

A send is claimed by pushing ``next_attempt_at`` forward with a conditional update, so two
workers never send the same email; a failure schedules the next attempt after the delays of
``EMAIL_RETRY_DELAYS_MINUTES``, then gives up. Apps register a builder per kind of email:
``build(data) -> EmailMessage``, or None when there is nothing left to send (the recipient
is gone). ``manage.py send_pending_emails`` sends whatever is due.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from outbox.models import Email

logger = logging.getLogger(__name__)
CLAIM = timedelta(minutes=10)
BUILDERS = {}
OUTBOXES = []  # (rows, build) of the apps with an outbox of their own, for send_due


def builder(kind):
    """Register ``build(data)`` for the emails of ``kind``."""

    def register(build):
        BUILDERS[kind] = build
        return build

    return register


def register_outbox(rows, build):
    """An app's own outbox (a ``Delivery`` model) and its ``build(row)``, sent by this same sender."""
    OUTBOXES.append((rows, build))


def send_later(kind, **data):
    """Record the email in the current transaction; it is sent once that commits."""
    email = Email.objects.create(kind=kind, data=data)
    send_after_commit(email)
    return email


def send_after_commit(email):
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))


@task()
def deliver_email(email_id):
    return deliver(Email.objects, email_id, lambda email: BUILDERS[email.kind](email.data))


def deliver(rows, pk, build, now=None):
    """Send one row of an outbox if it is still due; True when it was sent now."""
    now = now or timezone.now()
    if not rows.due(now).filter(pk=pk).update(next_attempt_at=now + CLAIM):
        return False
    row = rows.get(pk=pk)
    try:
        message = build(row)
        if message is not None:
            message.send()
    except Exception as error:  # any failure to build or send: keep the email and try again later
        record_failure(row, error, now)
        return False
    row.attempts += 1
    if message is None:
        row.gave_up, row.last_error = True, "nothing to send: the recipient or the subject is gone"
        row.save(update_fields=["attempts", "gave_up", "last_error"])
        return False
    row.sent_at = timezone.now()
    row.save(update_fields=["sent_at", "attempts"])
    return True


def record_failure(row, error, now):
    delays = settings.EMAIL_RETRY_DELAYS_MINUTES
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts > len(delays):
        row.gave_up = True
    else:
        row.next_attempt_at = now + timedelta(minutes=delays[row.attempts - 1])
    row.save(update_fields=["attempts", "last_error", "gave_up", "next_attempt_at"])
    logger.warning("Email %s failed (attempt %s): %s", row, row.attempts, error)


def send_due(now=None):
    """Send every email that is due in every outbox, oldest first; returns how many went out."""
    outboxes = [(Email.objects, lambda email: BUILDERS[email.kind](email.data)), *OUTBOXES]
    sent = 0
    for rows, build in outboxes:
        due = rows.due(now).order_by("next_attempt_at").values_list("pk", flat=True)
        sent += sum(deliver(rows, pk, build, now) for pk in list(due))
    return sent
