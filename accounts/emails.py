"""The last email to a resident: their account is gone, so the outbox row carries address and language."""

from django.conf import settings
from django.utils import translation

from outbox import sending
from portal.emails import absolute, compose

KIND = "accounts.farewell"


def send_farewell_later(user):
    if user.email:
        language = user.preferred_language or settings.LANGUAGE_CODE
        sending.send_later(KIND, address=user.email, language=language, name=str(user.public_name))


@sending.builder(KIND)
def build_farewell(payload):
    with translation.override(payload["language"]):
        context = {"name": payload["name"], "portal_url": absolute("/")}
        return compose("accounts/email/deleted.txt", context, to=[payload["address"]])
