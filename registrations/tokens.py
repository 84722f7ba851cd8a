"""Signed links in emails: confirm an email address, cancel without signing in."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from registrations.models import Registration

CONFIRM = "confirm"
CANCEL = "cancel"
CANCEL_LINK_LIFETIME = timedelta(days=180)


class InvalidLink(Exception):
    message = _("This link is not valid or has expired. Sign in to see your registrations, or register again.")


def _fingerprint(email):
    """Ties a link to the address it was sent to without carrying it: signed data is only base64,
    readable by anyone who sees the link (a forwarded email, a proxy's log)."""
    return salted_hmac("registrations.link-email", email).hexdigest()[:24]


def make_token(registration, purpose):
    return signing.dumps({"r": registration.pk, "f": _fingerprint(registration.email)}, salt=f"registrations.{purpose}")


def read_token(token, purpose):
    """The registration a link is for, or InvalidLink when it is tampered with, stale or for nobody."""
    max_age = timedelta(minutes=settings.REGISTRATION_HOLD_MINUTES) if purpose == CONFIRM else CANCEL_LINK_LIFETIME
    try:
        payload = signing.loads(token, salt=f"registrations.{purpose}", max_age=max_age)
        registration = Registration.objects.select_related("session").get(pk=payload["r"])
        sent_to = payload["f"] if "f" in payload else _fingerprint(payload["e"])  # links sent before Dec. 2026
    except (signing.BadSignature, KeyError, TypeError, ValueError, Registration.DoesNotExist) as error:
        raise InvalidLink from error
    if not constant_time_compare(sent_to, _fingerprint(registration.email)):  # anonymised or moved since
        raise InvalidLink
    if purpose == CANCEL and registration.session.end <= timezone.now():
        raise InvalidLink
    return registration
