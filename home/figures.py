"""Key figures for the home page, counted once per workshop whatever its translations."""

from django.db.models import Sum
from django.utils.translation import gettext as _
from wagtail.models import Locale

from workshops.models import CouncilPage, Session, VolunteerSeats, WorkshopPage


def key_figures():
    default_locale = Locale.get_default()
    workshops = WorkshopPage.objects.live().public().filter(locale=default_locale)
    drawn = workshops.aggregate(total=Sum("drawn_seats"))["total"] or 0
    volunteers = VolunteerSeats.objects.filter(page__in=workshops).aggregate(total=Sum("seats"))["total"] or 0
    return [
        {
            "value": CouncilPage.objects.live().public().filter(locale=default_locale).count(),
            "label": _("citizen councils"),
        },
        {"value": workshops.count(), "label": _("project workshops")},
        {"value": drawn, "label": _("seats for residents drawn by lot")},
        {"value": volunteers, "label": _("seats for volunteers")},
        {"value": Session.objects.count(), "label": _("sessions")},
    ]
