from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views
from search.permissions import VIEW_SEARCH_TERMS


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("search-terms/", admin_views.search_terms, name="search_terms")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_SEARCH_TERMS)


@hooks.register("register_reports_menu_item")
def register_search_terms_report():
    return SearchTermsMenuItem(_("What residents search for"), reverse("search_terms"), icon_name="search", order=900)
