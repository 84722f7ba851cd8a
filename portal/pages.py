"""Finding pages in the visitor's language for lists of things that belong to pages."""

from wagtail.models import Page

from portal.languages import best


def pages_in(locale, translation_keys):
    """{translation key: the live page in the language ``portal.languages`` picks for ``locale``}, in one query."""
    versions = {}
    live = Page.objects.filter(translation_key__in=set(translation_keys)).live().select_related("locale")
    for page in live.order_by("pk"):
        versions.setdefault(page.translation_key, {}).setdefault(page.locale.language_code, page)
    return {key: best(by_code, locale) for key, by_code in versions.items()}


def full_url(request, page):
    """The page's address as the visitor reached the site: their scheme, host and port, not the Site record's."""
    return request.build_absolute_uri(page.get_url(request))
