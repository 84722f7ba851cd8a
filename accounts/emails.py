"""Accounts' emails through the outbox: the farewell (the account is gone, so the row carries address and
language) and allauth's own."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
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


ALLAUTH_KIND = "accounts.allauth"


class OutboxAccountAdapter(DefaultAccountAdapter):
    """allauth's emails (address verification, password reset, notices) go through the outbox.

    Sent directly, an SMTP outage made sign-up and password reset answer 500 after the
    account was created, and the email was lost. Queued, the page answers at once and the
    outbox retries. allauth renders the message in the visitor's language; the row keeps it
    as rendered, since a verification or reset key cannot be rebuilt later.
    """

    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, context)
        html = next((body for body, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
        sending.send_later(
            ALLAUTH_KIND,
            subject=message.subject,
            body=message.body,
            html=html,
            to=message.to,
            sender=message.from_email,
        )


@sending.builder(ALLAUTH_KIND)
def build_allauth_email(payload):
    message = EmailMultiAlternatives(payload["subject"], payload["body"], payload["sender"], payload["to"])
    if payload["html"]:
        message.attach_alternative(payload["html"], "text/html")
    return message
