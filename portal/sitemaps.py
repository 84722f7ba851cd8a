"""sitemap.xml covering the tree of every language, each page with its translations as alternates."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import restrictions
from portal.pages import full_url


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return restrictions.public(Page.objects.live().filter(in_any_tree)).order_by("path").select_related("locale")

    def _urls(self, page, protocol, domain):
        """Each page at the address it is served at, with ``xhtml:link`` to every translation (one query a page)."""
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(dict)
        keys = {item.translation_key for item in pages}
        for translation in restrictions.public(Page.objects.live().filter(translation_key__in=keys)).select_related(
            "locale"
        ):
            translations[translation.translation_key][translation.locale.language_code] = translation
        urls = []
        for item in pages:
            versions = translations[item.translation_key]
            alternates = [
                {"lang_code": code, "location": full_url(self.request, versions[code])}
                for code, _name in settings.LANGUAGES
                if code in versions
            ]
            if settings.LANGUAGE_CODE in versions:
                alternates.append(
                    {"lang_code": "x-default", "location": full_url(self.request, versions[settings.LANGUAGE_CODE])}
                )
            urls.append(
                {
                    "item": item,
                    "location": full_url(self.request, item),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(versions) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
