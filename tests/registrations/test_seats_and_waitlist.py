"""Seats, the waiting list, double opt-in and cancellation, through the service layer."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from registrations import services
from registrations.models import Notification, Registration, RegistrationStatus
from tests.registrations.conftest import applicant_for, guest

pytestmark = pytest.mark.django_db


def test_two_seats_two_confirmed_then_a_waiting_list(make_session, resident):
    session = make_session(capacity=2)
    first, second, third = (services.register(session, applicant_for(resident(f"R{n}"))) for n in range(3))
    assert [first.status, second.status, third.status] == ["confirmed", "confirmed", "waitlisted"]
    assert {first.seat, second.seat} == {1, 2} and third.seat is None
    assert third.waitlist_position() == 1
    assert services.seats_left(session) == 0


def test_cancellation_promotes_the_first_person_waiting_and_tells_them(make_session, resident):
    session = make_session(capacity=1)
    seated = services.register(session, applicant_for(resident("Seated")))
    first_waiting = services.register(session, applicant_for(resident("First")))
    second_waiting = services.register(session, applicant_for(resident("Second")))
    mail.outbox.clear()

    services.cancel(seated)

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.CONFIRMED and first_waiting.seat == 1
    assert second_waiting.waitlist_position() == 1
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[seated.email] == "Votre inscription est annulée"
    assert subjects[first_waiting.email] == "Bonne nouvelle : une place est pour vous"
    assert second_waiting.email not in subjects


def test_reserved_seats_are_never_offered(make_session, resident):
    session = make_session(capacity=3, reserved_seats=2)
    assert services.register(session, applicant_for(resident())).status == "confirmed"
    assert services.register(session, applicant_for(resident())).status == "waitlisted"


def test_a_second_attempt_takes_no_second_seat(make_session, resident):
    session = make_session(capacity=5)
    user = resident()
    services.register(session, applicant_for(user))
    with pytest.raises(services.Refused) as error:
        services.register(session, applicant_for(user))
    assert "déjà inscrit" in str(error.value.message) or "already registered" in str(error.value.message)
    with pytest.raises(services.Refused):
        services.register(session, guest(1, email=user.email.upper()))
    assert Registration.objects.filter(session=session).count() == 1


def test_registering_again_after_cancelling_is_allowed(make_session, resident):
    session = make_session()
    user = resident()
    services.cancel(services.register(session, applicant_for(user)))
    assert services.register(session, applicant_for(user)).status == "confirmed"


@pytest.mark.parametrize(
    "window, message",
    [
        ({"registration_opens_at": timezone.now() + datetime.timedelta(days=1)}, "not opened yet"),
        ({"registration_closes_at": timezone.now() - datetime.timedelta(minutes=1)}, "is closed"),
    ],
)
def test_closed_windows_refuse_with_a_reason(make_session, resident, window, message, settings):
    settings.LANGUAGE_CODE = "en"
    session = make_session(**window)
    from django.utils import translation

    with translation.override("en"), pytest.raises(services.Refused) as error:
        services.register(session, applicant_for(resident()))
    assert message in str(error.value.message)
    assert not Registration.objects.exists()


class TestDoubleOptIn:
    def test_guest_holds_a_seat_until_the_link_is_followed(self, make_session):
        session = make_session(capacity=1)
        registration = services.register(session, guest(1))
        assert registration.status == "confirmed" and registration.awaiting_email_confirmation
        assert [m.subject for m in mail.outbox] == ["Confirmez votre inscription"]
        confirmed = services.confirm_email(registration)
        assert not confirmed.awaiting_email_confirmation
        assert mail.outbox[-1].subject == "Votre inscription est confirmée"

    def test_an_expired_hold_gives_the_seat_to_the_next_person(self, make_session, resident):
        session = make_session(capacity=1)
        now = timezone.now()
        held = services.register(session, guest(1), now=now)
        waiting = services.register(session, applicant_for(resident()), now=now)
        later = now + datetime.timedelta(minutes=31)
        newcomer = services.register(session, guest(2), now=later)

        held.refresh_from_db()
        waiting.refresh_from_db()
        assert held.status == RegistrationStatus.EXPIRED and held.seat is None
        assert waiting.status == RegistrationStatus.CONFIRMED
        assert newcomer.status == RegistrationStatus.WAITLISTED
        with pytest.raises(services.Refused):
            services.confirm_email(held, now=later)


def test_staff_move_a_person_and_the_old_seat_is_passed_on(make_session, resident):
    full, other = make_session(capacity=1), make_session(capacity=3)
    mover = services.register(full, applicant_for(resident("Mover")))
    waiting = services.register(full, applicant_for(resident("Waiting")))
    moved = services.move(mover, other)
    waiting.refresh_from_db()
    assert moved.session == other and moved.status == "confirmed"
    assert waiting.status == "confirmed"
    assert Registration.objects.get(pk=mover.pk).status == "cancelled"


def test_attendance_marking(make_session, resident):
    registration = services.register(make_session(), applicant_for(resident()))
    assert services.mark_attendance(registration, attended=True).status == "attended"
    with pytest.raises(services.Refused):
        services.cancel(registration)
    assert services.mark_attendance(registration, attended=False).status == "confirmed"


def test_an_smtp_failure_keeps_the_registration_and_is_retried(make_session, resident, settings, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    def broken_send(self, messages):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(EmailBackend, "send_messages", broken_send)
    registration = services.register(make_session(), applicant_for(resident()))
    assert Registration.objects.filter(pk=registration.pk, status="confirmed").exists()
    notification = Notification.objects.get(registration=registration)
    assert notification.sent_at is None and notification.attempts == 1
    assert "SMTP server down" in notification.last_error

    monkeypatch.undo()
    from outbox.sending import send_due

    assert send_due(timezone.now()) == 0, "not due before its retry time"
    assert send_due(timezone.now() + datetime.timedelta(minutes=2)) == 1
    assert send_due(timezone.now() + datetime.timedelta(hours=1)) == 0, "never sent twice"
    assert len(mail.outbox) == 1


def test_erasing_my_data_cancels_and_anonymises(make_session, resident):
    user = resident()
    registration = services.register(make_session(), applicant_for(user, access_needs="Fauteuil", children_ages="4"))
    assert services.erase_personal_data(user) == 1
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert (registration.name, registration.access_needs, registration.user) == ("", "", None)
    assert registration.email.endswith("@invalid")


def test_emails_wait_for_the_commit(make_session, resident, django_capture_on_commit_callbacks, monkeypatch):
    from registrations import notifications

    monkeypatch.undo()
    assert notifications.send_after_commit.__name__ == "send_after_commit"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.register(make_session(), applicant_for(resident()))
        assert mail.outbox == []
    assert [callback.__qualname__ for callback in callbacks].count("send_after_commit.<locals>.<lambda>") == 1
    assert len(mail.outbox) == 1
