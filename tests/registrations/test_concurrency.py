"""Parallel registrations and cancellations on PostgreSQL: never a seat too many, never a gap in the line."""

import random

import pytest

from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests.parallel import run_in_parallel
from tests.registrations.conftest import guest

PARALLEL = 50
SEATS = 10


def assert_consistent(session, confirmed, waiting):
    seated = Registration.objects.filter(session=session, status=RegistrationStatus.CONFIRMED)
    line = list(Registration.objects.waiting().filter(session=session))
    assert seated.count() == confirmed
    assert sorted(seated.values_list("seat", flat=True)) == list(range(1, SEATS + 1))
    assert len(line) == waiting
    assert [r.waitlist_position() for r in line] == list(range(1, waiting + 1))
    assert services.seats_left(session) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_parallel_registrations_for_ten_seats(make_session, settings):
    settings.REGISTRATION_UNCONFIRMED_SHARE = 1  # guests who never confirm are tested in tests/security
    session = make_session(capacity=SEATS)
    run_in_parallel([lambda n=n: services.register(session, guest(n)) for n in range(PARALLEL)])
    assert_consistent(session, confirmed=SEATS, waiting=PARALLEL - SEATS)

    random.seed(2026)
    active = list(Registration.objects.active().filter(session=session))
    leaving = random.sample([r for r in active if r.status == "confirmed"], 4) + random.sample(
        [r for r in active if r.status == "waitlisted"], 6
    )
    run_in_parallel([lambda r=r: services.cancel(r) for r in leaving])
    assert_consistent(session, confirmed=SEATS, waiting=PARALLEL - SEATS - len(leaving))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_person_clicking_many_times_gets_one_registration(make_session):
    session = make_session(capacity=SEATS)

    def attempt():
        try:
            services.register(session, guest(1))
        except services.Refused:
            pass  # "already registered": the expected answer for all but one attempt

    run_in_parallel([attempt] * 20)
    assert Registration.objects.filter(session=session).count() == 1
