"""Which pages are behind a view restriction: a handful of tree paths, cached until one changes.

Wagtail's ``public()`` reads the restrictions again each time a queryset uses it, and every page
used it five to nine times (menu, language links, the sections). The restricted subtrees are few,
so their paths are read once, kept under the version ``restrictions`` and applied as prefixes.
"""

from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from portal import versions

NAME = "restrictions"


def restricted_paths():
    """The tree paths of the pages that carry a restriction; their descendants share it."""
    key = f"restricted-paths:{versions.current(NAME)}"
    paths = cache.get(key)
    if paths is None:
        ids = PageViewRestriction.objects.values_list("page_id", flat=True)
        paths = tuple(Page.objects.filter(pk__in=ids).values_list("path", flat=True))
        cache.set(key, paths, None)
    return paths


def is_public(page):
    return not any(page.path.startswith(path) for path in restricted_paths())


def public(pages):
    """``pages`` without those behind a restriction, as Wagtail's ``public()``, without reading the table."""
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages


def changed(**_signal):
    versions.bump(NAME)
