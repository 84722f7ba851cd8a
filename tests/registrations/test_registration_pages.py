"""Registering from the session page: what people see, and every kind of bad input."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from registrations import services, tokens
from registrations.models import Registration
from tests.registrations.conftest import applicant_for, guest

pytestmark = pytest.mark.django_db


def form_data(**fields):
    defaults = {"name": "Nadia", "language": "fr", "old_enough": "on", "children": "0", "consent": "on"}
    return {**defaults, **fields}


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def link_path(message, kind):
    return re.search(rf"https?://[^/]+(/\w\w/sessions/{kind}/\S+/)", message.body).group(1)


def test_the_page_answers_the_residents_questions(client, make_session):
    session = make_session(capacity=12, reserved_seats=2)
    html = page(client.get(f"/en/sessions/{session.pk}/"))
    facts = html.select_one(".facts").get_text(" ", strip=True)
    assert "Is registration required?" in facts
    assert "10 seats." in facts and "10 seats left." in facts
    assert "People aged 16 or over" in facts
    assert html.h1.get_text() == "Working session"


def test_every_translation_counts_the_same_seats(client, make_session, resident):
    session = make_session(capacity=3)
    client.force_login(resident("Ana", "en"))
    client.post(f"/en/sessions/{session.pk}/", form_data(language="en"))
    assert "2 places restantes." in page(client.get(f"/fr/sessions/{session.pk}/")).select_one(".seats-left").get_text()
    assert "2 seats left." in page(client.get(f"/en/sessions/{session.pk}/")).select_one(".seats-left").get_text()
    workshop_page = client.get(session.workshop.url).content.decode()
    assert "2 places restantes" in workshop_page


def test_signed_in_resident_registers_in_one_step(client, make_session, resident):
    session = make_session()
    client.force_login(resident())
    response = client.post(f"/fr/sessions/{session.pk}/", form_data(children="2", children_ages="3 et 6"), follow=True)
    assert "Votre place est réservée" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.status, registration.children, registration.children_ages) == ("confirmed", 2, "3 et 6")
    assert mail.outbox[0].attachments[0][0] == "session.ics"


def test_double_submit_takes_one_seat_and_says_so(client, make_session, resident):
    session = make_session(capacity=5)
    client.force_login(resident())
    client.post(f"/fr/sessions/{session.pk}/", form_data())
    response = client.post(f"/fr/sessions/{session.pk}/", form_data(), follow=True)
    assert "déjà inscrit" in response.content.decode()
    assert Registration.objects.count() == 1


def test_guest_registers_and_confirms_by_email(client, make_session):
    session = make_session()
    response = client.post(
        f"/en/sessions/{session.pk}/", form_data(email="Lola@Example.org", language="es"), follow=True
    )
    assert "Almost done" in response.content.decode()
    assert mail.outbox[0].subject == "Confirme su inscripción"
    assert mail.outbox[0].to == ["lola@example.org"]
    confirmed = client.get(link_path(mail.outbox[0], "confirm"), follow=True)
    assert "Su plaza está reservada" in confirmed.content.decode()
    assert not Registration.objects.get().awaiting_email_confirmation


def test_journey_two_seats_waitlist_cancel_from_email_promote(client, make_session, resident):
    """DESIGN journey 2: two get the seats, a third waits, one cancels from the email link, the third is told."""
    session = make_session(capacity=2)
    people = [resident(name) for name in ("Ada", "Bea", "Cyd")]
    for person in people:
        client.force_login(person)
        client.post(f"/fr/sessions/{session.pk}/", form_data(name=person.display_name))
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Ada": "confirmed", "Bea": "confirmed", "Cyd": "waitlisted"}
    assert "Vous êtes n° 1 sur la liste d'attente." in client.get(f"/fr/sessions/{session.pk}/").content.decode()

    client.logout()
    confirmation = next(m for m in mail.outbox if m.to == [people[0].email])
    cancel_path = link_path(confirmation, "cancel")
    assert "Oui, annuler" in client.get(cancel_path).content.decode()
    assert Registration.objects.get(name="Ada").status == "confirmed", "GET alone never cancels"
    client.post(cancel_path)

    assert Registration.objects.get(name="Ada").status == "cancelled"
    assert Registration.objects.get(name="Cyd").status == "confirmed"
    promoted = [m for m in mail.outbox if m.to == [people[2].email]]
    assert promoted[-1].subject == "Bonne nouvelle : une place est pour vous"
    assert "0 place restante." in page(client.get(f"/fr/sessions/{session.pk}/")).select_one(".seats-left").get_text()


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"consent": ""}, "consent", "Please agree to the privacy notice"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"children": "-1"}, "children", "greater than or equal to 0"),
        ({"children": "400"}, "children", "less than or equal to 8"),
        ({"children": "6"}, "children", "at most 5 children"),
        ({"children": "deux"}, "children", "Enter a whole number."),
        ({"old_enough": ""}, "old_enough", "open from the age of 16"),
        ({"name": "Eve\u202egnp.exe"}, "name", "invisible or special characters"),
        ({"name": ""}, "name", "This field is required."),
        ({"website": "http://spam.example"}, "website", "This form could not be sent."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(client, make_session, fields, field, message):
    session = make_session()
    data = form_data(**{"email": "guest@example.org", **fields})
    response = client.post(f"/en/sessions/{session.pk}/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Registration.objects.exists()
    if field not in {"consent", "old_enough", "website"}:
        assert 'value="Nadia"' in response.content.decode() or field == "name"


def test_residents_only_sessions_need_a_district(client, make_session, district):
    session = make_session(residents_only=True)
    response = client.post(f"/en/sessions/{session.pk}/", form_data(email="g@example.org"))
    assert "for people who live in the city" in response.content.decode()
    client.post(f"/en/sessions/{session.pk}/", form_data(email="g@example.org", district=district.pk))
    assert Registration.objects.get().district == district


def test_markup_in_names_is_shown_as_text(client, make_session, admin_client):
    session = make_session()
    client.post(f"/fr/sessions/{session.pk}/", form_data(name="<script>alert(1)</script>", email="x@example.org"))
    assert Registration.objects.get().name == "<script>alert(1)</script>"
    html = admin_client.get(f"/admin/session-registrations/{session.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in mail.outbox[0].alternatives[0][0].split("<body")[1]


def test_closed_and_not_yet_open_sessions_show_why(client, make_session):
    soon = make_session(registration_opens_at=timezone.now() + datetime.timedelta(days=2))
    assert "Les inscriptions ouvrent le" in client.get(f"/fr/sessions/{soon.pk}/").content.decode()
    response = client.post(f"/fr/sessions/{soon.pk}/", form_data(email="early@example.org"), follow=True)
    assert "pas encore ouvertes" in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize("purpose", ["confirm", "cancel"])
def test_tampered_links_get_a_clear_page(client, make_session, purpose):
    registration = services.register(make_session(), guest(1))
    token = tokens.make_token(registration, purpose)
    for bad in (token[:-2] + "xx", "nonsense", token.replace(":", "")):
        response = client.get(f"/en/sessions/{purpose}/{bad}/")
        assert response.status_code == 400
        assert "not valid or has expired" in response.content.decode()


def test_expired_links_are_refused(client, make_session, resident, settings):
    registration = services.register(make_session(), guest(1))
    token = tokens.make_token(registration, "confirm")
    settings.REGISTRATION_HOLD_MINUTES = 0
    import time

    time.sleep(1)
    assert client.get(f"/en/sessions/confirm/{token}/").status_code == 400


def test_cancel_link_of_a_past_session_is_refused(client, make_session, resident):
    past = timezone.now() - datetime.timedelta(days=3)
    session = make_session(start=past, end=past + datetime.timedelta(hours=2), registration_opens_at=None)
    registration = services.register(session, applicant_for(resident()), now=past - datetime.timedelta(days=1))
    response = client.get(f"/en/sessions/cancel/{tokens.make_token(registration, 'cancel')}/")
    assert response.status_code == 400


def test_profile_lists_and_cancels_my_registrations(client, make_session, resident):
    user = resident()
    registration = services.register(make_session(), applicant_for(user))
    client.force_login(user)
    html = client.get("/fr/accounts/profile/").content.decode()
    assert "Séance de travail" in html and "Confirmée" in html
    client.post(f"/fr/sessions/mine/{registration.pk}/cancel/")
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_nobody_cancels_someone_elses_registration(client, make_session, resident):
    registration = services.register(make_session(), applicant_for(resident()))
    client.force_login(resident("Other"))
    assert client.post(f"/fr/sessions/mine/{registration.pk}/cancel/").status_code == 404
    assert Registration.objects.get().status == "confirmed"


def test_unknown_or_unpublished_sessions_are_404(client, make_session):
    assert client.get("/fr/sessions/999999/").status_code == 404
    session = make_session()
    session.workshop.unpublish()
    assert client.get(f"/fr/sessions/{session.pk}/").status_code == 404


def test_session_page_queries_are_constant(client, make_session, django_assert_max_num_queries, uncached, settings):
    settings.REGISTRATION_UNCONFIRMED_SHARE = 1  # thirty guests, none confirmed yet
    session = make_session(capacity=100)
    client.get(f"/fr/sessions/{session.pk}/")
    with django_assert_max_num_queries(25) as few:
        client.get(f"/fr/sessions/{session.pk}/")
    for n in range(30):
        services.register(session, guest(n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/fr/sessions/{session.pk}/")
