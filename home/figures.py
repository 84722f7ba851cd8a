"""Key figures for the home page, counted once per workshop whatever its translations."""

from django.db.models import Sum
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal import restrictions, versions
from registrations import services as registrations
from workshops.models import CouncilPage, Session, VolunteerSeats, WorkshopPage


def key_figures():
    """Counted again only when a page is published or a session changes: every visit to the home page asks."""
    key = f"key-figures:{get_language()}"
    return versions.remembered(key, [versions.PAGES, registrations.SESSIONS], _count)


def _count():
    default_locale = Locale.get_default()
    workshops = restrictions.public(WorkshopPage.objects.live().filter(locale=default_locale))
    drawn = workshops.aggregate(total=Sum("drawn_seats"))["total"] or 0
    volunteers = VolunteerSeats.objects.filter(page__in=workshops).aggregate(total=Sum("seats"))["total"] or 0
    return [
        {
            "value": restrictions.public(CouncilPage.objects.live().filter(locale=default_locale)).count(),
            "label": _("citizen councils"),
        },
        {"value": workshops.count(), "label": _("project workshops")},
        {"value": drawn, "label": _("seats for residents drawn by lot")},
        {"value": volunteers, "label": _("seats for volunteers")},
        {"value": Session.objects.count(), "label": _("sessions")},
    ]
