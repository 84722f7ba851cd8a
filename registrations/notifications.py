"""Emails about registrations: each Notification becomes one email in its registrant's language.

Notifications are this app's outbox rows; ``outbox.sending`` sends them, once, with retries.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Locale

from outbox import sending
from portal.emails import absolute, compose
from registrations import tokens
from registrations.calendars import make_calendar
from registrations.models import Notification
from workshops.models import Session

WITH_CALENDAR = {"confirmed", "promoted", "reminder"}
NOTIFICATIONS = Notification.objects.select_related("registration__session__workshop")


def send_after_commit(notification):
    transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))


@task()
def deliver_notification(notification_id):
    return deliver(notification_id)


def deliver(notification_id, now=None):
    """Send one notification if it is still due; True when it was sent now."""
    return sending.deliver(NOTIFICATIONS, notification_id, build_email, now)


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
