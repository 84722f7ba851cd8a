"""Named version numbers for caches: a key that holds the version of what it was computed from.

A cache drawn from many rows (the archive's filter counts, the main menu, the impact figures)
puts ``current(name)`` in its keys; ``bump(name)`` on a change makes every such key new at once,
without knowing them. The numbers never expire.
"""

from django.core.cache import cache


def current(name):
    return cache.get_or_set(f"version:{name}", 1, None)


def bump(name):
    try:
        cache.incr(f"version:{name}")
    except ValueError:  # not there (a cleared cache): any new number will do
        cache.set(f"version:{name}", 2, None)
