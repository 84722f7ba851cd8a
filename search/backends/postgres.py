"""PostgreSQL: Wagtail's full-text backend with our analysis and the ``simple`` configuration.

The text arrives already analysed (``search.backends.database``), so PostgreSQL must not stem or
drop words again: ``simple`` only lowercases, and it exists on every server, whatever the database's
default configuration.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Exists, OuterRef, TextField, Value
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.database import AnalysedIndex, AnalysedPrefixes, AnalysedQueries, IndexEntry

CONFIGURATION = "simple"


def _vector(text, weight):
    return SearchVector(Value(text, output_field=TextField()), config=CONFIGURATION, weight=weight)


class PostgresIndex(AnalysedIndex, postgres.PostgresIndex):
    columns = AnalysedIndex.columns + ["title_text", "body_text"]

    def delete_stale_model_entries(self, model):
        """Entries whose object is gone, found by an anti-join.

        Wagtail's ``NOT IN (subquery)`` becomes a scan per entry once the ids outgrow ``work_mem``:
        a rebuild at 300,000 pages spent 18 minutes in that one statement.
        """
        existing = model._default_manager.annotate(text_pk=Cast("pk", TextField())).filter(
            text_pk=OuterRef("object_id")
        )
        self.entries.filter(content_type_id__in=get_descendants_content_types_pks(model)).exclude(
            Exists(existing)
        ).delete()

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
