"""SQLite: Wagtail's FTS5 backend with our analysis (see ``search.backends.database``)."""

from django.db.models import Case, When
from modelsearch.backends.database.sqlite import query as sqlite_query
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.database import AnalysedIndex, AnalysedPrefixes, AnalysedQueries, IndexEntry

RANK_BATCH = 200


class SQLiteIndex(AnalysedIndex, sqlite.SQLiteIndex):
    def entry(self, content_type_id, pk, document):
        return IndexEntry(
            content_type_id=content_type_id,
            object_id=str(pk),
            title=document.analysed(document.title),
            autocomplete=document.prefixes,
            body=" ".join([document.analysed(document.boosted), document.analysed(document.body)]).strip(),
            title_norm=1.0,
        )


class SQLiteQueryCompiler(AnalysedQueries, sqlite.SQLiteSearchQueryCompiler):
    """Ranks the matches in the query that finds them, once.

    Wagtail's SQLite backend orders by a subquery per matching row that runs the full-text match
    again, which grows with the square of the matches (a common word in a large archive times
    out). Here a page of results is the matching entries ranked by BM25 in one query, restricted
    to the queryset's objects, then those objects in that order. Unsliced results (counts and
    facets) need no order and skip the ranking.
    """

    def search(self, config, start, stop, score_field=None):
        query = sqlite_query.normalize(self.query)
        if score_field is not None or isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field)
        if stop is None or not self.order_by_relevance:
            ordered, self.order_by_relevance = self.order_by_relevance, False
            try:
                return super().search(config, start, stop, score_field)
            finally:
                self.order_by_relevance = ordered
        ranked = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(
                sqlite_query.MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
                )
            )
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )
        ids = self._first_allowed(ranked, start or 0, stop)
        order = Case(*[When(pk=pk, then=position) for position, pk in enumerate(ids)])
        return self.queryset.filter(pk__in=ids).order_by(order) if ids else self.queryset.none()

    def _first_allowed(self, ranked, start, stop):
        """Positions ``start`` to ``stop`` of the ranked matches that the queryset keeps (live, public, language…).

        The matches are read best first in batches and checked against the queryset a batch at a
        time, so a first page costs one ranked read and one check, whatever the archive's size.
        """
        kept, offset, batch = [], 0, max(RANK_BATCH, 2 * stop)
        while len(kept) < stop:
            candidates = [int(pk) for pk in ranked[offset : offset + batch]]
            if not candidates:
                break
            allowed = set(self.queryset.filter(pk__in=candidates).values_list("pk", flat=True))
            kept += [pk for pk in candidates if pk in allowed]
            offset += batch
        return kept[start:stop]


class SQLiteAutocompleteCompiler(AnalysedPrefixes, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SearchBackend(sqlite.SQLiteSearchBackend):
    tolerates_typos = False  # stems only: a misspelt word gets a "did you mean" instead
    index_class = SQLiteIndex
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler
