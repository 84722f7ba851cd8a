"""Sending the outbox: each Notification becomes one email in its recipient's language.

A send is claimed by pushing ``next_attempt_at`` forward with a conditional update,
so two workers never send the same email; a failure schedules the next attempt.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from portal.emails import absolute, compose
from registrations import tokens
from registrations.calendars import make_calendar
from registrations.models import Notification
from workshops.models import Session

logger = logging.getLogger(__name__)
CLAIM = timedelta(minutes=10)
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}


def send_after_commit(notification):
    transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))


@task()
def deliver_notification(notification_id):
    return deliver(notification_id)


def deliver(notification_id, now=None):
    """Send one notification if it is still due; True when it was sent now."""
    now = now or timezone.now()
    claimed = Notification.objects.due(now).filter(pk=notification_id).update(next_attempt_at=now + CLAIM)
    if not claimed:
        return False
    notification = Notification.objects.select_related("registration__session__workshop").get(pk=notification_id)
    try:
        build_email(notification).send()
    except Exception as error:  # any transport failure: keep the email and try again later
        record_failure(notification, error, now)
        return False
    notification.sent_at = timezone.now()
    notification.attempts += 1
    notification.save(update_fields=["sent_at", "attempts"])
    return True


def record_failure(notification, error, now):
    delays = settings.EMAIL_RETRY_DELAYS_MINUTES
    notification.attempts += 1
    notification.last_error = f"{type(error).__name__}: {error}"[:2000]
    if notification.attempts > len(delays):
        notification.gave_up = True
    else:
        notification.next_attempt_at = now + timedelta(minutes=delays[notification.attempts - 1])
    notification.save(update_fields=["attempts", "last_error", "gave_up", "next_attempt_at"])
    logger.warning("Email %s failed (attempt %s): %s", notification.pk, notification.attempts, error)


def build_email(notification):
    registration = notification.registration
    language = registration.language
    with translation.override(language):
        locale = Locale.objects.get(language_code=language)
        session = Session.objects.filter(pk=registration.session_id).for_display(locale)[0]
        context = {
            "registration": registration,
            "session": session,
            "notification": notification,
            "position": registration.waitlist_position(),
            "hold_minutes": settings.REGISTRATION_HOLD_MINUTES,
            "session_url": absolute(session.get_absolute_url()),
            "confirm_url": absolute(
                reverse("registrations:confirm", args=[tokens.make_token(registration, "confirm")])
            ),
            "cancel_url": absolute(reverse("registrations:cancel", args=[tokens.make_token(registration, "cancel")])),
        }
        message = compose(f"registrations/email/{notification.kind}.txt", context, to=[registration.email])
        if notification.kind in WITH_CALENDAR:
            ics = make_calendar([session], message.subject, language, absolute(""))
            message.attach("session.ics", ics, "text/calendar; method=PUBLISH")
    return message


def send_due(now=None):
    """Send every notification that is due, oldest first; returns how many went out."""
    due = Notification.objects.due(now).order_by("next_attempt_at").values_list("pk", flat=True)
    return sum(deliver(pk, now) for pk in list(due))
