"""Signed links in emails: confirm an email address, cancel without signing in."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from registrations.models import Registration

CONFIRM = "confirm"
CANCEL = "cancel"
CANCEL_LINK_LIFETIME = timedelta(days=180)


class InvalidLink(Exception):
    message = _("This link is not valid or has expired. Sign in to see your registrations, or register again.")


def make_token(registration, purpose):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=f"registrations.{purpose}")


def read_token(token, purpose):
    """The registration a link is for, or InvalidLink when it is tampered with, stale or for nobody."""
    max_age = timedelta(minutes=settings.REGISTRATION_HOLD_MINUTES) if purpose == CONFIRM else CANCEL_LINK_LIFETIME
    try:
        payload = signing.loads(token, salt=f"registrations.{purpose}", max_age=max_age)
        registration = Registration.objects.select_related("session").get(pk=payload["r"], email=payload["e"])
    except (signing.BadSignature, KeyError, TypeError, Registration.DoesNotExist) as error:
        raise InvalidLink from error
    if purpose == CANCEL and registration.session.end <= timezone.now():
        raise InvalidLink
    return registration
