"""What the portal keeps about a person is the least it needs, and all of it is in their download; links in
emails carry no readable address (issue 18, item 9)."""

import base64
import json

import pytest
from django.urls import reverse

from comments.models import PortalComment
from portal.proxy import truncated
from registrations import services, tokens
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address, kept",
    [("203.0.113.57", "203.0.113.0"), ("2001:db8:1234:5678::1", "2001:db8:1234::"), ("nonsense", None), (None, None)],
)
def test_addresses_lose_their_host_part(address, kept):
    assert truncated(address) == kept


def test_a_comment_keeps_the_network_only_and_the_author_sees_it(client, resident, workshop):
    author = resident()
    client.force_login(author)
    client.post(reverse("comments:post", args=[workshop.pk]), {"text": "Bonjour"}, REMOTE_ADDR="198.51.100.77")
    assert PortalComment.objects.get().ip_address == "198.51.100.0"
    download = json.loads(client.get(reverse("accounts:export")).content)
    assert download["comments"][0]["network_address"] == "198.51.100.0"


def test_cancel_and_confirm_links_do_not_carry_the_email_address(make_session):
    registration = services.register(make_session(), guest(1, email="nadia.secret@example.org"))
    for purpose in (tokens.CONFIRM, tokens.CANCEL):
        token = tokens.make_token(registration, purpose)
        readable = base64.urlsafe_b64decode(token.split(":")[0] + "==").decode("latin-1")
        assert "nadia" not in readable.lower() and "nadia" not in token.lower()
        assert tokens.read_token(token, purpose) == registration


def test_a_link_stops_working_once_the_registration_is_anonymised(make_session):
    registration = services.register(make_session(), guest(1))
    token = tokens.make_token(registration, tokens.CANCEL)
    services.anonymise(registration)
    with pytest.raises(tokens.InvalidLink):
        tokens.read_token(token, tokens.CANCEL)
