"""Every email of the portal travels one way: recorded with its change, sent after commit, retried, sent once."""

import datetime
from io import StringIO

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation

from comments import services as comments
from outbox import sending
from outbox.models import Email

pytestmark = pytest.mark.django_db
DOWN = "tests.outbox.test_outbox.ServerDown"


class ServerDown(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@pytest.fixture
def reply_email(site_tree, resident, django_capture_on_commit_callbacks):
    """A reply to a resident who asked to be told, made while the mail server is down."""
    author, replier = resident("Autrice"), resident("Voisin", "es")
    workshop = site_tree["workshops"]["fr"]
    with translation.override("fr"):
        first = comments.post(author, workshop, comments.Post(text="Une idée", followup=True))
    with override_settings(EMAIL_BACKEND=DOWN), django_capture_on_commit_callbacks(execute=True):
        comments.post(replier, workshop, comments.Post(text="Bonne idée", parent_id=first.pk))
    return Email.objects.get(kind="comments", data__template="reply"), author


def test_an_email_that_fails_is_kept_and_retried_until_it_goes(reply_email, mailoutbox):
    reply_email, author = reply_email
    assert (reply_email.attempts, reply_email.sent_at, reply_email.gave_up) == (1, None, False)
    assert "ConnectionRefusedError" in reply_email.last_error
    assert sending.send_due(timezone.now()) == 0, "not due before its next attempt"
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert sending.send_due(later) == 1
    assert sending.send_due(later + datetime.timedelta(hours=1)) == 0, "never sent twice"
    [message] = mailoutbox
    assert message.to == [author.email]


def test_send_pending_emails_catches_up_every_outbox(reply_email, mailoutbox):
    reply_email, _author = reply_email
    Email.objects.filter(pk=reply_email.pk).update(next_attempt_at=timezone.now())
    call_command("send_pending_emails", stdout=StringIO())
    assert len(mailoutbox) == 1 and Email.objects.get(pk=reply_email.pk).sent_at is not None


def test_the_email_is_recorded_with_its_change_and_gone_if_the_change_is(site_tree, resident):
    from django.db import transaction

    author = resident("Autrice")
    with pytest.raises(RuntimeError), transaction.atomic():
        comments.post(author, site_tree["workshops"]["fr"], comments.Post(text="Une idée"))
        sending.send_later("comments", template="reply", comment_id=1, recipient_id=author.pk, data={})
        raise RuntimeError("the change fails")
    assert not Email.objects.exists()


def test_a_farewell_survives_a_mail_server_outage(client, resident, django_capture_on_commit_callbacks, mailoutbox):
    camille = resident("Camille", "es")
    client.force_login(camille)
    with override_settings(EMAIL_BACKEND=DOWN), django_capture_on_commit_callbacks(execute=True):
        client.post("/es/accounts/profile/delete/", {"password": "a-long-test-password", "understood": "on"})
    farewell = Email.objects.get(kind="accounts.farewell")
    assert farewell.attempts == 1 and farewell.sent_at is None
    assert sending.send_due(timezone.now() + datetime.timedelta(minutes=2)) == 1
    assert mailoutbox[0].to == [camille.email] and mailoutbox[0].subject
