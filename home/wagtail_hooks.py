from django.http import Http404
from django.utils.translation import get_language
from wagtail import hooks

from home.localize import shows_untranslated_text
from home.models import ImpactPage
from portal import page_cache
from portal.sections import HOOK as SECTION_HOOK
from portal.sections import Section
from workshops.models import WorkshopPage


@hooks.register("before_serve_page")
def refuse_wrong_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to the default language's tree when a language has none, and a
    translation published before it was translated holds its source's text: a page must
    never be shown silently in a language other than the one asked for."""
    if page.locale.language_code != get_language() or shows_untranslated_text(page):
        raise Http404


hooks.register("before_serve_page", page_cache.page_served)


@hooks.register(SECTION_HOOK)
def workshop_impact(page, request):
    """A link from each workshop to its figures on the impact page."""
    if not isinstance(page, WorkshopPage):
        return None
    impact_url = ImpactPage.url_in(page.locale)
    if not impact_url:
        return None
    context = {"impact_url": impact_url, "workshop": page}
    return Section("home/includes/workshop_impact.html", context, order=950, region="conversation")
