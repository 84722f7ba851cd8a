import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_session_workshop_and_upcoming_feeds(client, make_session, site_tree):
    first, second = make_session(), make_session()
    workshop = site_tree["workshops"]["en"]
    assert [str(e["summary"]) for e in events(client.get(f"/en/sessions/{first.pk}/calendar.ics"))] == [
        "Working session – Cool city"
    ]
    assert len(events(client.get(f"/en/sessions/workshop/{workshop.pk}/calendar.ics"))) == 2
    assert len(events(client.get("/fr/sessions/calendar.ics"))) == 2
    assert {str(e["uid"]) for e in events(client.get("/en/sessions/calendar.ics"))} == {
        f"session-{first.pk}@participation-portal",
        f"session-{second.pk}@participation-portal",
    }


def test_feed_of_an_unknown_workshop_is_404(client, site_tree):
    assert client.get("/en/sessions/workshop/999999/calendar.ics").status_code == 404
