from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from search import clients, indexing, site_search  # noqa: F401 (clients: before any backend imports them)

        indexing.connect()
        for signal in (page_published, page_unpublished):
            signal.connect(site_search.bump, dispatch_uid=f"search-vocabulary-{signal}")
