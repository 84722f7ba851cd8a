"""Sessions in the site search: upcoming sessions whose text in the visitor's language has the words.

Sessions are not pages, so they are not in the pages' results: the search page lists them apart
(``search.registry.SOURCES``). Their texts are few, so they are always searched in the database
index, whatever engine serves the pages.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backend

from search.registry import Found
from workshops.models import Session, SessionText

SHOWN = 5


@dataclass
class SessionFound:
    title: str
    url: str
    detail: str


def upcoming_sessions(locale, words):
    texts = SessionText.objects.filter(locale=locale)
    hits = [text.pk for text in get_search_backend("default").search(words, texts, operator="and")[:50]]
    shown = Session.objects.published_in(locale).filter(end__gte=timezone.now(), texts__pk__in=hits)
    found = []
    for text in SessionText.objects.filter(pk__in=hits, session__in=shown).select_related("session")[:SHOWN]:
        when = date_format(timezone.localtime(text.session.start), "DATETIME_FORMAT")
        found.append(SessionFound(text.title, text.session.get_absolute_url(), f"{when}, {text.session.venue_name}"))
    return Found(heading=_("Upcoming sessions"), items=found)
