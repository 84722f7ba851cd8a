"""Moving between the translations of a page.

Every link to another language lands on the same page in that language or, when
it is not translated yet, on its nearest translated ancestor, flagged so the
template can say so. Nothing is ever shown silently in the wrong language.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page

from portal import restrictions
from portal.pages import full_url

UNTRANSLATED_PARAM = "untranslated"


def nearest_translations(page):
    """For each content language: (page in that language, whether it is the same page).

    Two queries, however many languages and however deep the page.
    """
    lineage = list(page.get_ancestors().filter(depth__gt=1)) + [page]
    depth_of = {p.translation_key: p.depth for p in lineage}
    candidates = restrictions.public(Page.objects.live().filter(translation_key__in=depth_of)).select_related("locale")
    best = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        if code not in best or depth_of[candidate.translation_key] > depth_of[best[code].translation_key]:
            best[code] = candidate
    return {code: (found, found.translation_key == page.translation_key) for code, found in best.items()}


def _same_view_in(request, code):
    """This address in language ``code``, or that language's home page when the address is not one
    of the site's views (a 404) or could be read as another site's (``//evil.example/``)."""
    path = request.get_full_path()
    home = f"/{code}/"
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return home
    url = translate_url(path, code)
    return url if url != path or code == request.LANGUAGE_CODE else home


def language_links(request, page=None):
    """Links for the language switcher, current language included."""
    current = request.LANGUAGE_CODE
    translations = nearest_translations(page) if page is not None else {}
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is None:
            url, exact = _same_view_in(request, code), True
        elif code in translations:
            target, exact = translations[code]
            url = target.get_url(request)
            if not exact:
                url = f"{url}?{UNTRANSLATED_PARAM}=1"
        else:
            continue
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "exact": exact,
            }
        )
    return links


def alternate_links(request, page):
    """hreflang alternates: every live translation of ``page``, plus x-default."""
    translations = {
        p.locale.language_code: p
        for p in restrictions.public(page.get_translations(inclusive=True).live()).select_related("locale")
    }
    links = [
        {"hreflang": code, "href": full_url(request, translations[code])}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append({"hreflang": "x-default", "href": full_url(request, default)})
    return links
