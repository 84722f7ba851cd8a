"""PostgreSQL: Wagtail's full-text backend with our analysis and the ``simple`` configuration.

The text arrives already analysed (``search.backends.database``), so PostgreSQL must not stem or
drop words again: ``simple`` only lowercases, and it exists on every server, whatever the database's
default configuration.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import TextField, Value
from modelsearch.backends.database.postgres import postgres

from search.backends.database import AnalysedIndex, AnalysedPrefixes, AnalysedQueries, IndexEntry

CONFIGURATION = "simple"


def _vector(text, weight):
    return SearchVector(Value(text, output_field=TextField()), config=CONFIGURATION, weight=weight)


class PostgresIndex(AnalysedIndex, postgres.PostgresIndex):
    columns = AnalysedIndex.columns + ["title_text", "body_text"]

    def entry(self, content_type_id, pk, document):
        return IndexEntry(
            content_type_id=content_type_id,
            object_id=str(pk),
            title=_vector(document.analysed(document.title), "A"),
            autocomplete=_vector(document.prefixes, "D"),
            body=_vector(document.analysed(document.boosted), "B") + _vector(document.analysed(document.body), "D"),
            title_norm=1.0,
            title_text=" ".join(document.title),
            body_text=" ".join(document.boosted + document.body),
        )


class PostgresQueryCompiler(AnalysedQueries, postgres.PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteCompiler(AnalysedPrefixes, postgres.PostgresAutocompleteQueryCompiler):
    pass


class SearchBackend(postgres.PostgresSearchBackend):
    tolerates_typos = False  # stems only: a misspelt word gets a "did you mean" instead
    index_class = PostgresIndex
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteCompiler

    def __init__(self, params):
        super().__init__({**params, "SEARCH_CONFIG": CONFIGURATION})
