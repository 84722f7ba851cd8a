"""SQLite: Wagtail's FTS5 backend with our analysis (see ``search.backends.database``)."""

from modelsearch.backends.database.sqlite import sqlite

from search.backends.database import AnalysedIndex, AnalysedPrefixes, AnalysedQueries, IndexEntry


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
    pass


class SQLiteAutocompleteCompiler(AnalysedPrefixes, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SearchBackend(sqlite.SQLiteSearchBackend):
    tolerates_typos = False  # stems only: a misspelt word gets a "did you mean" instead
    index_class = SQLiteIndex
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler
