"""A workshop's draw by lot, as a box on its page: where it stands and the way in."""

from draws.models import DRAWS, Draw, DrawStatus
from portal import versions
from portal.sections import Section
from workshops.models import WorkshopPage


def workshop_draw(page, request):
    if not isinstance(page, WorkshopPage):
        return None
    versions.depends_on(DRAWS)
    draw = Draw.objects.filter(workshop__translation_key=page.translation_key).last()
    if draw is None:
        return None
    if draw.status == DrawStatus.OPEN:
        versions.valid_until(draw.closes_at)
    return Section("draws/includes/workshop_draw.html", {"draw": draw}, order=200)
