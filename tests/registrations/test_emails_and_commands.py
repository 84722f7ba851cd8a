"""Emails in each registrant's language with calendar files; reminders, retries and anonymisation commands."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from registrations import services
from registrations.models import Notification, Registration
from tests.registrations.conftest import applicant_for, guest

pytestmark = pytest.mark.django_db

SUBJECTS = {
    "fr": "Votre inscription est confirmée",
    "en": "Your registration is confirmed",
    "es": "Su inscripción está confirmada",
}


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_confirmation_is_in_the_registrants_language_in_text_and_html(make_session, resident, language):
    services.register(make_session(), applicant_for(resident("Zoé", language)))
    message = mail.outbox[0]
    assert message.subject == SUBJECTS[language]
    html = message.alternatives[0][0]
    assert "Zoé" in message.body and "Zoé" in html
    assert "/sessions/cancel/" in message.body and "<a href=" in html
    assert f"/{language}/sessions/cancel/" in message.body


def test_calendar_attachment_has_the_right_time_and_zone(make_session, resident):
    start = timezone.make_aware(datetime.datetime(2031, 3, 30, 18, 30), timezone=datetime.UTC)
    session = make_session(start=start, end=start + datetime.timedelta(hours=2))
    services.register(session, applicant_for(resident()))
    filename, content, mimetype = mail.outbox[0].attachments[0]
    assert (filename, mimetype.split(";")[0]) == ("session.ics", "text/calendar")
    calendar = Calendar.from_ical(content)
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == start
    assert str(event["dtstart"].params["TZID"]) == "Europe/Paris"
    assert calendar.walk("VTIMEZONE"), "the time zone is described in the file"
    assert event["summary"].startswith("Séance de travail")


def test_reminders_go_once_to_confirmed_people_48_hours_ahead(make_session, resident):
    soon = make_session(capacity=1, start=timezone.now() + datetime.timedelta(hours=30))
    soon.end = soon.start + datetime.timedelta(hours=2)
    soon.save()
    later = make_session()
    seated = services.register(soon, applicant_for(resident("Seated")))
    services.register(soon, applicant_for(resident("Waiting")))
    services.register(soon, guest(1))
    services.register(later, applicant_for(resident("Later")))
    mail.outbox.clear()

    for _ in range(3):
        call_command("send_session_reminders", stdout=StringIO())

    assert [(m.to, m.subject) for m in mail.outbox] == [([seated.email], "Rappel : votre séance approche")]
    assert Notification.objects.filter(kind="reminder").count() == 1


def test_pending_emails_command_retries_and_releases_expired_holds(make_session, resident):
    session = make_session(capacity=1)
    now = timezone.now()
    services.register(session, guest(1), now=now - datetime.timedelta(hours=1))
    waiting = services.register(session, applicant_for(resident()), now=now - datetime.timedelta(minutes=50))
    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert "1 expired holds released" in out.getvalue()


def test_old_registrations_are_anonymised_and_counts_kept(make_session, resident, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    past = timezone.now() - datetime.timedelta(days=40)
    old = make_session(start=past, end=past + datetime.timedelta(hours=2), registration_opens_at=None)
    recent = make_session()
    services.register(
        old, applicant_for(resident(), access_needs="Boucle magnétique"), now=past - datetime.timedelta(days=1)
    )
    services.register(recent, applicant_for(resident()))
    call_command("purge_personal_data", stdout=StringIO())
    anonymised = Registration.objects.get(session=old)
    assert anonymised.anonymised_at and anonymised.name == "" and anonymised.access_needs == ""
    assert anonymised.user is None and anonymised.status == "confirmed"
    assert Registration.objects.get(session=recent).anonymised_at is None


def test_staff_message_reaches_everyone_active(make_session, resident, admin_client):
    session = make_session(capacity=1)
    services.register(session, applicant_for(resident("A")))
    services.register(session, applicant_for(resident("B")))
    services.cancel(services.register(make_session(), applicant_for(resident("C"))))
    mail.outbox.clear()
    admin_client.post(
        f"/admin/session-registrations/{session.pk}/message/",
        {"subject": "Salle changée", "body": "Rendez-vous salle B."},
    )
    assert sorted(m.subject for m in mail.outbox) == ["Salle changée", "Salle changée"]
    assert "Rendez-vous salle B." in mail.outbox[0].body
