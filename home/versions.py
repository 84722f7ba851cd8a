"""The version of "any page": it changes whenever a page is published or unpublished.

Caches of things drawn from many pages (the main menu, the impact figures) put it in their keys.
"""

from wagtail.models import Page

from portal import versions

NAME = versions.PAGES


def current():
    return versions.current(NAME)


def bump(**_signal):
    versions.bump(NAME)


def page_deleted(sender, instance, **_signal):
    """``post_delete`` of any model: a live page deleted leaves menus and lists."""
    if isinstance(instance, Page) and instance.live:
        bump()
