"""Property-based tests (hypothesis, issue 18, item 11): whatever the order of registrations, confirmations,
cancellations and expiries, seats and childcare places never overflow and the waiting line has no gap;
whatever replies to whatever, threads keep their shape."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comments import services as comments
from comments.models import PortalComment
from registrations import services
from registrations.models import SEATED_STATUSES, Registration
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db
EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

step = st.one_of(
    st.tuples(st.just("register"), st.integers(0, 3)),  # children to look after
    st.tuples(st.just("confirm"), st.integers(0, 30)),
    st.tuples(st.just("cancel"), st.integers(0, 30)),
    st.tuples(st.just("later"), st.integers(1, 40)),  # minutes pass: holds may expire
)


def check_invariants(session, now):
    seated = Registration.objects.filter(session=session, status__in=SEATED_STATUSES)
    seats = sorted(seated.values_list("seat", flat=True))
    assert len(seats) <= session.offered_seats and len(set(seats)) == len(seats)
    assert all(1 <= seat <= session.offered_seats for seat in seats)
    assert sum(seated.values_list("children", flat=True)) <= session.childcare_places
    line = list(Registration.objects.waiting().filter(session=session))
    assert [r.waitlist_position() for r in line] == list(range(1, len(line) + 1))
    if line:  # nobody waits while a seat is free, unless their children do not fit
        free = session.offered_seats - len(seats)
        assert free == 0 or all(r.children > services.childcare_left(session) for r in line[:1])


@EXAMPLES
@given(capacity=st.integers(1, 5), childcare=st.integers(0, 4), steps=st.lists(step, max_size=25))
def test_seats_and_childcare_hold_whatever_happens(make_session, capacity, childcare, steps):
    session = make_session(capacity=capacity, childcare_places=childcare)
    now = session.registration_opens_at + datetime.timedelta(days=1)
    made = []
    for n, (action, value) in enumerate(steps):
        try:
            if action == "register":
                made.append(services.register(session, guest(n, children=value), now=now))
            elif action == "confirm" and made:
                services.confirm_email(made[value % len(made)], now=now)
            elif action == "cancel" and made:
                services.cancel(made[value % len(made)], now=now)
            elif action == "later":
                now += datetime.timedelta(minutes=value)
                with services.transaction.atomic():
                    services.release_expired_holds(services.locked_session(session.pk), now)
        except services.Refused:
            pass  # a refusal is an answer; the invariants hold either way
        check_invariants(session, now)


@EXAMPLES
@given(parents=st.lists(st.integers(-1, 40), min_size=1, max_size=25))
def test_threads_keep_their_shape_whatever_replies_to_what(workshop, resident, parents):
    author = resident("Autrice", username=f"a{len(parents)}-{abs(hash(tuple(parents)))}")
    posted = []
    for n, parent in enumerate(parents):
        parent_id = posted[parent % len(posted)].pk if parent >= 0 and posted else None
        try:
            posted.append(comments.post(author, workshop, comments.Post(text=f"message {n}", parent_id=parent_id)))
        except comments.Refused:
            pass  # too deep: refused with a message
    for comment in PortalComment.objects.filter(pk__in=[c.pk for c in posted]):
        root = comment.parent_id == comment.pk
        assert root == (comment.level == 0)
        if not root:
            parent = PortalComment.objects.get(pk=comment.parent_id)
            assert comment.level == parent.level + 1 and comment.thread_id == parent.thread_id
        assert comment.level <= 3
