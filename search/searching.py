"""Running words against the right backend: the visitor's language's engine, or the database.

Everything a page needs from one search (facet counts, a page of results, the total) is computed in
one ``work(backend)`` call. When an engine is configured and does not answer, or answers with an
error, the same work runs again on the database backend and the page says the search is limited:
a visitor never gets an error page because the engine is down.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend
from modelsearch.query import Fuzzy

from portal import restrictions
from search import indexing
from search.clients import ENGINE_ERRORS

logger = logging.getLogger(__name__)
MAX_QUERY_LENGTH = 200
LIMITED_NOTICE = _("Search is temporarily limited: the results come from a simpler search and may be less complete.")


@dataclass
class Outcome:
    value: object
    limited: bool  # the engine failed and the database answered


def cleaned(text):
    """The words as searched: no control or format characters, single spaces, at most 200 characters."""
    kept = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in text)
    return re.sub(r"\s+", " ", kept).strip()[:MAX_QUERY_LENGTH].strip()


def run(locale, work):
    """``work(backend)`` on the engine of ``locale``'s language, or on the database if there is none or it fails."""
    engine = indexing.engine_for(locale.language_code)
    if engine is not None:
        try:
            return Outcome(work(engine), limited=False)
        except ENGINE_ERRORS as error:
            logger.warning("Search engine failed, the database answers instead: %s", error)
    return Outcome(work(get_search_backend("default")), limited=engine is not None)


def published(model, locale):
    """Live pages of ``model`` in ``locale`` that anyone may see (``portal.restrictions``, not Wagtail's
    ``public()``, whose join of restrictions to pages SQLite's planner starts from the pages)."""
    return restrictions.public(model.objects.live().filter(locale=locale))


def matching(backend, queryset, words, close=False):
    """The objects of ``queryset`` that have all the words, best first (a lazy ``SearchResults``).

    ``close``: words spelled nearly the same count too (the engines' fuzziness; see ``tolerates_typos``).
    """
    if close:
        return backend.search(Fuzzy(words, operator="and"), queryset)
    return backend.search(words, queryset, operator="and")


def tolerates_typos(backend):
    """The engines match words within an edit or two; our database backends say they match stems only."""
    return getattr(backend, "tolerates_typos", True)
