"""With the mail server down, signing up and resetting a password answer at once, and their emails wait in
the outbox until it is back (issue 18, item 6). Before, allauth sent directly: a 500 after the account was
created, and the verification email was lost."""

import datetime
import socket

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.emails import ALLAUTH_KIND
from outbox import sending
from outbox.models import Email

pytestmark = pytest.mark.django_db
PASSWORD = "Long-enough-pass-42"


@pytest.fixture
def smtp_down():
    """Django's real SMTP backend, aimed at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port
    ):
        yield


def send_what_is_due():
    mail.outbox.clear()
    sending.send_due(timezone.now() + datetime.timedelta(days=1))
    return mail.outbox


def test_sign_up_answers_and_its_email_waits_for_the_server(
    client, locales, smtp_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"), {"email": "nadia@example.org", "password1": PASSWORD, "password2": PASSWORD}
        )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="nadia@example.org", verified=False).exists()
    queued = Email.objects.get(kind=ALLAUTH_KIND)
    assert queued.sent_at is None and queued.attempts == 1 and "Connection refused" in queued.last_error

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        sent = send_what_is_due()
    assert [message.to for message in sent] == [["nadia@example.org"]]
    assert "/fr/accounts/confirm-email/" in sent[0].body


def test_password_reset_answers_and_its_email_waits(client, resident, smtp_down, django_capture_on_commit_callbacks):
    user = resident()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        sent = send_what_is_due()
    assert [message.to for message in sent] == [[user.email]] and "/password/reset/key/" in sent[0].body
