"""Finding pages in the visitor's language for lists of things that belong to pages."""

from wagtail.models import Page


def pages_in(locale, translation_keys):
    """{translation key: the live page in ``locale``, else its first live translation}, in one query."""
    pages = {}
    for page in Page.objects.filter(translation_key__in=set(translation_keys)).live().order_by("pk"):
        shown = pages.get(page.translation_key)
        if shown is None or (page.locale_id == locale.pk and shown.locale_id != locale.pk):
            pages[page.translation_key] = page
    return pages


def full_url(request, page):
    """The page's address as the visitor reached the site: their scheme, host and port, not the Site record's."""
    return request.build_absolute_uri(page.get_url(request))
