"""Personal data leaves when its time is up (issue 18, item 13): one daily command, tested with the clock
moved forward. The periods are those the privacy notice gives."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from comments.models import PortalComment
from draws.models import Candidacy, Draw, Outcome, Source
from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def purge():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def test_a_guest_who_never_confirms_loses_the_seat_then_their_details(make_session):
    session = make_session(start=timezone.now() + 60 * DAY, end=timezone.now() + 60 * DAY + datetime.timedelta(hours=2))
    registration = services.register(session, guest(1, name="Jamais Confirmé", access_needs="Rampe"))
    confirmed = services.confirm_email(services.register(session, guest(2)))
    with time_machine.travel(timezone.now() + 2 * DAY, tick=False):
        assert "holds released: 1" in purge()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.EXPIRED and registration.name == "Jamais Confirmé"
    with time_machine.travel(timezone.now() + 8 * DAY, tick=False):
        assert "unconfirmed registrations anonymised: 1" in purge()
    registration.refresh_from_db()
    assert (registration.name, registration.access_needs) == ("", "") and registration.anonymised_at
    assert Registration.objects.get(pk=confirmed.pk).name == "Invité 2"  # confirmed: kept until after the session


def test_addresses_kept_with_comments_go_after_ninety_days(resident, say):
    old = say(resident(), text="Ancien", ip_address="198.51.100.0")
    with time_machine.travel(timezone.now() + 60 * DAY, tick=False):
        recent = say(resident("Léa", username="lea"), text="Récent", ip_address="203.0.113.0")
    with time_machine.travel(timezone.now() + 91 * DAY, tick=False):
        assert "comment addresses dropped: 1" in purge()
    assert PortalComment.objects.get(pk=old.pk).ip_address is None
    assert PortalComment.objects.get(pk=recent.pk).ip_address == "203.0.113.0"


def test_people_not_drawn_are_forgotten_after_the_draw_but_the_audit_keeps_working(site_tree):
    draw = Draw.objects.create(
        workshop=site_tree["workshops"]["fr"], panel_size=1, closes_at=timezone.now(), drawn_at=timezone.now()
    )
    people = {
        outcome: Candidacy.objects.create(
            draw=draw, reference=f"ref-{outcome}", name=f"Nom {outcome}", email=f"{outcome}@example.org",
            features={"gender": "woman"}, source=Source.ONLINE, outcome=outcome,
        )
        for outcome in (Outcome.SELECTED, Outcome.ALTERNATE, Outcome.POOL)
    }  # fmt: skip
    with time_machine.travel(timezone.now() + 179 * DAY, tick=False):
        assert "candidacies forgotten: 0" in purge()
    with time_machine.travel(timezone.now() + 181 * DAY, tick=False):
        assert "candidacies forgotten: 2" in purge()
    kept = {c.outcome: (c.name, c.email, c.reference, c.features) for c in Candidacy.objects.all()}
    assert kept[Outcome.SELECTED][0] == "Nom selected"
    assert kept[Outcome.POOL] == ("", "", "ref-pool", {"gender": "woman"})
    assert people[Outcome.ALTERNATE].reference == kept[Outcome.ALTERNATE][2]
