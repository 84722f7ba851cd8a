"""Named version numbers for caches: a key that holds the version of what it was computed from.

A cache drawn from many rows (the archive's filter counts, the main menu, the impact figures)
puts ``current(name)`` in its keys; ``bump(name)`` on a change makes every such key new at once,
without knowing them. The numbers never expire.

While a whole page renders for the page cache (``portal.page_cache``), ``reading()`` notes every
version read, by the caches above or by ``depends_on`` where data is shown without a cache: the
page is stored with them and served only while they are all still current.

Two rules keep a stored page from outliving what it shows:
- read the version *before* the data (``depends_on`` first): a change that lands in between
  leaves the page stored under a version that is already gone;
- bump *after* the change is committed: ``bump`` runs at once (this process and the tests see the
  change in the transaction) and again when the transaction commits, so a page rendered from
  the old rows between the two is not stored under the new number.
A number starts from the clock, never from 1, so a version evicted from the cache and read again
cannot come back to a value an old page was stored with.
"""

import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

PREFIX = "version:"
# Sent with ``name`` once a change is committed: what a CDN that purges by tag listens to (docs/deploy.md).
bumped = Signal()
PAGES = "pages"  # any page published, unpublished, moved or deleted: menus, language links, lists
PEOPLE = "people"  # a resident's public name, shown on comments and endorsements


@dataclass
class Reading:
    """What one response was drawn from: versions by name, and the moment it stops being true."""

    versions: dict = field(default_factory=dict)
    until: datetime | None = None


_reading: ContextVar[Reading | None] = ContextVar("versions_reading", default=None)


def _fresh():
    return time.time_ns() // 1000


def current(name):
    return current_many([name])[name]


def current_many(names):
    """{name: version}, in one round trip; while a page is being read, each version is read once for it."""
    reading = _reading.get()
    known = reading.versions if reading is not None else {}
    missing = [name for name in names if name not in known]
    found = cache.get_many(keys(missing)) if missing else {}
    for name in missing:
        if PREFIX + name not in found:  # first use, or evicted: a new number, never an old one
            cache.add(PREFIX + name, _fresh(), None)
            found[PREFIX + name] = cache.get(PREFIX + name) or _fresh()  # the cache may not answer
    _note({name: found[PREFIX + name] for name in missing})
    return {name: known[name] if name in known else found[PREFIX + name] for name in names}


def depends_on(*names):
    """Say that what is about to be read and shown changes with each of ``names`` (one cache round trip)."""
    if _reading.get() is not None and names:
        current_many(names)


def valid_until(moment):
    """What is being shown changes by itself at ``moment`` (a registration window closing)."""
    reading = _reading.get()
    if reading is not None and moment is not None and (reading.until is None or moment < reading.until):
        reading.until = moment


def _note(values):
    reading = _reading.get()
    if reading is not None:
        for name, value in values.items():
            reading.versions.setdefault(name, value)  # the first value read is the one the data followed


class reading:
    """``with versions.reading() as drawn_from:`` collects what the code inside reads."""

    def __enter__(self):
        self.reading = Reading()
        self.token = _reading.set(self.reading)
        return self.reading

    def __exit__(self, *exc):
        _reading.reset(self.token)


def remembered(key, names, compute, timeout=3600):
    """``compute()``, kept under ``key`` until one of the versions ``names`` changes (a round trip each)."""
    full = ":".join([key, *map(str, current_many(names).values())])
    value = cache.get(full)
    if value is None:
        value = compute()
        cache.set(full, value, timeout)
    return value


def keys(names):
    """The cache keys of the versions ``names``, to read them with something else in one round trip."""
    return [PREFIX + name for name in names]


def still_current(versions, found=None):
    """True if every version is what the cache holds now; ``found`` may hold them already (``keys``)."""
    if not versions:
        return True
    if found is None or any(PREFIX + name not in found for name in versions):
        found = cache.get_many(keys(versions))
    return all(found.get(PREFIX + name) == value for name, value in versions.items())


def bump(name):
    _bump(name)
    transaction.on_commit(lambda: _bump(name) or bumped.send(sender=None, name=name))


def _bump(name):
    try:
        cache.incr(PREFIX + name)
    except ValueError:  # not there (a cleared cache): any new number will do
        cache.set(PREFIX + name, _fresh(), None)


def follow(model, name_of):
    """Bump the version ``name_of(row)`` whenever a row of ``model`` is saved or deleted."""

    def changed(sender, instance, **kwargs):
        bump(name_of(instance))

    uid = f"versions:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
