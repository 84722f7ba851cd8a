"""iCalendar files for one session, one workshop or all upcoming sessions."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

PRODUCT_ID = "-//Participation portal//Sessions//FR"


def session_uid(session):
    return f"session-{session.pk}@participation-portal"


def make_calendar(sessions, name, language, base_url):
    """``sessions`` must come from ``Session.objects.for_display(locale)``."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    with translation.override(language):
        for session in sessions:
            calendar.add_component(session_event(session, base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def session_event(session, base_url):
    event = Event()
    text = session.local_text
    workshop = session.local_workshop
    title = text.title if text else _("Session")
    if workshop is not None:
        title = f"{title} – {workshop.title}"
    event.add("uid", session_uid(session))
    event.add("summary", title)
    event.add("dtstart", timezone.localtime(session.start))
    event.add("dtend", timezone.localtime(session.end))
    event.add("dtstamp", timezone.now())
    event.add("location", vText(f"{session.venue_name}, {session.venue_address}"))
    description = [text.description if text else ""]
    if session.online_url:
        description.append(_("Online: %(url)s") % {"url": session.online_url})
    event.add("description", "\n".join(part for part in description if part))
    event.add("url", base_url + session.get_absolute_url())
    return event
