"""The sessions of a workshop, with seats left, as a section of its page."""

from portal.sections import Section
from registrations.services import shown
from workshops.models import Session, WorkshopPage


def workshop_sessions(page, request):
    if not isinstance(page, WorkshopPage):
        return None
    sessions = shown(Session.objects.of_workshop(page), page.locale)
    return Section("registrations/includes/workshop_sessions.html", {"sessions": sessions}, order=100)
