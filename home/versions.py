"""The version of "any page": it changes whenever a page is published or unpublished.

Caches of things drawn from many pages (the main menu, the impact figures) put it in their keys.
"""

from portal import versions

NAME = versions.PAGES


def current():
    return versions.current(NAME)


def bump(**_signal):
    versions.bump(NAME)
