"""Names and free text never become links in the city's emails, and names are names (issue 18, item 3)."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from accounts.forms import ProfileForm, ResidentSignupForm
from portal.emails import html_body
from registrations import services
from registrations.forms import RegistrationForm
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db

BAIT = "Please confirm at https://evil.example/confirm"


def links(message):
    html = message.alternatives[0][0]
    return [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]


def test_a_guest_name_with_an_address_is_no_link_in_the_confirmation_email(
    make_session, settings, django_capture_on_commit_callbacks
):
    """Names saved before validation existed (or typed by staff) are still plain text in emails."""
    mail.outbox.clear()
    session = make_session()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session, guest(1, name=BAIT, email="victim@example.org"))
    message = mail.outbox[-1]
    assert "evil.example" in message.body  # shown as typed, in plain text
    assert links(message) and all(href.startswith(settings.WAGTAILADMIN_BASE_URL) for href in links(message))


def test_the_portals_own_links_stay_links_and_text_is_escaped(settings):
    own = settings.WAGTAILADMIN_BASE_URL + "/fr/sessions/cancel/abc/"
    html = html_body(f"<b>x</b> www.evil.example {own}")
    assert [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")] == [own]
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


NAMES = [
    "https://evil.example/x",
    "Voir www.evil.example",
    "Nadia evil.com",
    "nadia@example.org",
    "Eve\u202egnp.exe",
    "Zero\u200bwidth",
    "Bell\x07",
]


@pytest.mark.parametrize("name", NAMES)
def test_names_with_addresses_or_invisible_characters_are_refused_everywhere(name, make_session):
    data = {"name": name, "email": "a@example.org", "language": "fr"}
    registration = RegistrationForm(data=data, session=make_session())
    signup = ResidentSignupForm(data={"display_name": name})
    profile = ProfileForm(data={"display_name": name, "preferred_language": "fr"})
    for form, field in ((registration, "name"), (signup, "display_name"), (profile, "display_name")):
        assert not form.is_valid() and field in form.errors, (form, name)


@pytest.mark.parametrize("name", ["Nadia B.", "J.-P. Dupont", "María José Ñúñez", "李小龙", "O'Brien", "Dr.Who"])
def test_real_names_pass(name, locales):
    assert ResidentSignupForm(data={"display_name": name}).is_valid()
