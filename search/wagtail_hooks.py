from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.health import HOOK as HEALTH_HOOK
from search import admin_views, indexing
from search.clients import ENGINE_ERRORS
from search.permissions import VIEW_SEARCH_TERMS


@hooks.register(HEALTH_HOOK)
def search_engine_answers():
    """The engine of each language answers (not required: the search falls back on the database)."""
    ok = all(_pings(indexing.engine_for(language)) for language in indexing.engine_languages())
    return "search", ok, False


def _pings(backend):
    try:
        return bool(backend.es.ping(request_timeout=2))
    except ENGINE_ERRORS:
        return False


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("search-terms/", admin_views.search_terms, name="search_terms")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_SEARCH_TERMS)


@hooks.register("register_reports_menu_item")
def register_search_terms_report():
    return SearchTermsMenuItem(_("What residents search for"), reverse("search_terms"), icon_name="search", order=900)
