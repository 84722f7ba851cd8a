"""Keeping each language's engine index in step with the pages, without losing a write when it is down.

Wagtail's own signal handlers keep the database index (``default``) up to date. The engines' backends
are configured with AUTO_UPDATE off because each page belongs in one index only, its language's: a
saved or deleted page is queued here (``PendingIndexChange``) and, once the transaction commits, the
queue is replayed. If the engine does not answer, the change stays queued, with the error, until the
next replay (the next change, or ``manage.py search_catch_up``).
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from search.models import PendingIndexChange

logger = logging.getLogger(__name__)
CATCH_UP_BATCH = 200
# The commands may wait longer than a request (SEARCH_TIMEOUT): a refresh after a large batch takes
# seconds on a busy node, and nobody is waiting on a page.
WRITE_TIMEOUT = 120


def engine_languages():
    """The languages that have an engine backend of their own (none on the database backend)."""
    return [alias for alias in settings.WAGTAILSEARCH_BACKENDS if alias != "default"]


def engine_for(language, **options):
    """The engine backend of ``language`` (``options`` override its settings), or None on the database."""
    return get_search_backend(language, **options) if language in engine_languages() else None


def indexed_page_models():
    return [model for model in get_indexed_models() if issubclass(model, Page)]


def queue(page, remove=False):
    """Record that ``page`` must be written to (or removed from) its language's index, then try at once."""
    language = page.locale.language_code
    if language not in engine_languages():
        return
    PendingIndexChange.objects.update_or_create(
        language=language,
        content_type=ContentType.objects.get_for_model(page.specific_class or type(page)),
        object_id=str(page.pk),
        defaults={"remove": remove},
    )
    transaction.on_commit(catch_up)


def page_saved(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        queue(instance)


def page_deleted(sender, instance, **kwargs):
    queue(instance, remove=True)


def catch_up(limit=None, **options):
    """Replay queued changes in order; stop at the first engine failure. Returns (done, still queued).

    ``options`` override the engine's settings (the command gives it a longer ``TIMEOUT``).
    """
    done = 0
    while limit is None or done < limit:
        batch = list(PendingIndexChange.objects.select_related("content_type")[:CATCH_UP_BATCH])
        if not batch:
            break
        for change in batch:
            try:
                _apply(change, options)
            except Exception as error:  # noqa: BLE001 (any client error means: try again later)
                PendingIndexChange.objects.filter(pk=change.pk).update(
                    attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
                )
                logger.warning("Search engine write failed, %s kept for later: %s", change, error)
                return done, PendingIndexChange.objects.count()
            # Deleted only if not queued again meanwhile (same row, newer time).
            PendingIndexChange.objects.filter(pk=change.pk, queued_at=change.queued_at).delete()
            done += 1
    return done, PendingIndexChange.objects.count()


def _apply(change, options):
    backend = get_search_backend(change.language, **options)
    model = change.content_type.model_class()
    page = None if change.remove else model.objects.filter(pk=change.object_id).first()
    if page is None:
        backend.delete(model(pk=change.object_id))
    else:
        backend.add(page)


def connect():
    """Called from ``SearchConfig.ready``: every indexed page model, once the models are loaded."""
    for model in indexed_page_models():
        post_save.connect(page_saved, sender=model, dispatch_uid=f"search-save-{model._meta.label}")
        post_delete.connect(page_deleted, sender=model, dispatch_uid=f"search-delete-{model._meta.label}")
