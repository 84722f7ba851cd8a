"""Made-up guests cannot hold every seat of a session (issue 18, item 2): 30 invented guests held all 27
free seats for 30 minutes. Unconfirmed holds are capped per session; staff see them and give them back."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests import factories
from tests.registrations.conftest import applicant_for, guest

pytestmark = pytest.mark.django_db


def test_unconfirmed_guests_hold_at_most_a_quarter_of_the_seats(make_session, resident):
    session = make_session(capacity=27)
    for n in range(7):
        services.register(session, guest(n))
    with pytest.raises(services.Refused, match="confirmé leur adresse"):
        services.register(session, guest(99))
    assert Registration.objects.holding_unconfirmed().count() == 7  # ceil(27 / 4)
    assert services.register(session, applicant_for(resident())).status == RegistrationStatus.CONFIRMED


def test_a_confirmed_guest_frees_room_for_the_next(make_session):
    session = make_session(capacity=8)
    held = [services.register(session, guest(n)) for n in range(3)]
    with pytest.raises(services.Refused):
        services.register(session, guest(3))
    services.confirm_email(held[0])
    assert services.register(session, guest(3)).seat is not None


def test_staff_see_held_seats_and_give_them_back(client, make_session):
    session = make_session(capacity=1)
    held = services.register(session, guest(1, name="Inventé"))
    waiting = services.register(session, applicant_for(factories.UserFactory()))
    editor = factories.UserFactory()
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    page = client.get(f"/admin/session-registrations/{session.pk}/").content.decode()
    assert "1 place est réservée pour un invité" in page and "Libérer la place" in page
    client.post(f"/admin/session-registrations/registration/{held.pk}/", {"action": "release"})
    held.refresh_from_db(), waiting.refresh_from_db()
    assert held.status == RegistrationStatus.EXPIRED and waiting.seat == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_parallel_made_up_guests_hold_seven_of_twenty_seven_seats(make_session):
    from tests.parallel import run_in_parallel

    session = make_session(capacity=27)

    def attempt(n):
        try:
            services.register(session, guest(n))
        except services.Refused:
            pass

    run_in_parallel([lambda n=n: attempt(n) for n in range(30)])
    assert Registration.objects.filter(session=session).count() == 7
    assert services.seats_left(session) == 20
