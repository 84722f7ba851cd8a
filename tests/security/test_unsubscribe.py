"""Mail scanners open every link: a GET on an unsubscribe link only asks; the button or the mail
client's one-click POST (RFC 8058, without a session or CSRF token) stops the emails (issue 18, item 9)."""

import pytest
from django.test import Client
from django.urls import reverse

from archive import emails as archive_emails
from archive import endorsing
from archive.models import Endorsement, RecommendationPage
from comments import emails as comment_emails
from comments.models import PortalComment

pytestmark = pytest.mark.django_db


def test_replies_stop_only_on_post(resident, say):
    comment = say(resident(), followup=True)
    url = reverse("comments:unsubscribe", args=[comment_emails.unsubscribe_token(comment)])
    mail_client = Client(enforce_csrf_checks=True)
    assert 'method="post"' in mail_client.get(url).content.decode()
    assert PortalComment.objects.get(pk=comment.pk).followup is True
    assert mail_client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert PortalComment.objects.get(pk=comment.pk).followup is False


def test_follow_up_emails_stop_only_on_post(archive, resident):
    page = RecommendationPage.objects.get(pk=archive["recommendations"][0].pk)
    endorsing.endorse(resident("Camille"), page, notify=True)
    endorsement = Endorsement.objects.get()
    url = reverse("archive:unsubscribe", args=[archive_emails.unsubscribe_token(endorsement.pk)])
    mail_client = Client(enforce_csrf_checks=True)
    mail_client.get(url)
    assert Endorsement.objects.get().notify is True
    mail_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert Endorsement.objects.get().notify is False
