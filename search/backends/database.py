"""Wagtail's database search backends (SQLite FTS5, PostgreSQL full text) with our language analysis.

The backends keep their storage, ranking, filters and facets; two things change. Index entries hold
the stems ``search.analysis`` makes in the language of each object, and every query is analysed in
the visitor's language before it reaches the database. PostgreSQL is told to use the ``simple``
configuration on both sides, so the database's default (often English) plays no part.

Configured as ``{"BACKEND": "search.backends.database"}``, like Wagtail's own.
"""

import copy
import importlib

from django.db import connection
from django.utils import translation
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, MatchAll, Not, Or
from modelsearch.utils import get_content_type_pk
from wagtail.models import Locale

from search import analysis

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)  # Wagtail's, as its backends use
BATCH = 500


def language_of(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale else translation.get_language()


class Document:
    """An object's searchable text, split the way the index stores it, raw and analysed."""

    def __init__(self, obj, language=None):
        self.language = language or language_of(obj)
        self.title, self.boosted, self.body, self.autocomplete = [], [], [], []
        for search_field in obj.get_search_fields():
            self._collect(obj, search_field)

    def _collect(self, obj, search_field):
        if isinstance(search_field, RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                return
            related = related.all() if hasattr(related, "all") else [related() if callable(related) else related]
            for item in related:
                for sub_field in search_field.fields:
                    self._collect(item, sub_field)
            return
        if not isinstance(search_field, (SearchField, AutocompleteField)):
            return
        value = search_field.get_value(obj)
        if value in (None, ""):
            return
        text = _as_text(value)
        if isinstance(search_field, AutocompleteField):
            self.autocomplete.append(text)
        elif search_field.field_name == "title":
            self.title.append(text)
        elif (search_field.boost or 1) > 1:
            self.boosted.append(text)
        else:
            self.body.append(text)

    def analysed(self, texts):
        return analysis.index_text(" ".join(texts), self.language)

    @property
    def prefixes(self):
        return analysis.prefix_text(" ".join(self.autocomplete))


def _as_text(value):
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


class AnalysedIndex:
    """``add_items`` for both databases: one upsert per batch, with the analysed text."""

    columns = ["title", "autocomplete", "body", "title_norm"]

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_id = get_content_type_pk(model)
        languages = dict(Locale.objects.values_list("pk", "language_code"))  # one query, not one per object
        entries = [
            self.entry(content_type_id, obj.pk, Document(obj, languages.get(getattr(obj, "locale_id", None))))
            for obj in objs
        ]
        if not entries:
            return
        IndexEntry._default_manager.bulk_create(
            entries,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=self.columns,
        )
        self._refresh_title_norms()


def analysed_query(query, analyse):
    """The same query with every text in it analysed; a query left with no word matches nothing."""
    if isinstance(query, (And, Or)):
        return type(query)([analysed_query(subquery, analyse) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(analysed_query(query.subquery, analyse))
    if isinstance(query, Boost):
        return Boost(analysed_query(query.subquery, analyse), query.boost)
    if hasattr(query, "query_string"):
        text = analyse(query.query_string)
        if not text:
            return Not(MatchAll())
        analysed = copy.copy(query)
        analysed.query_string = text
        return analysed
    return query


class AnalysedQueries:
    """Query compilers that analyse the words in the active language (autocomplete: folded only)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = translation.get_language() or "fr"
        self.query = analysed_query(self.query, lambda text: analysis.query_text(text, language))


class AnalysedPrefixes:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = analysed_query(self.query, analysis.prefix_text)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    """The backend for the default database; each vendor's module imports only its own Wagtail backend."""
    vendor = "postgres" if connection.vendor == "postgresql" else "sqlite"
    return importlib.import_module(f"search.backends.{vendor}").SearchBackend(params)
