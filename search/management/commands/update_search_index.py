"""Rebuild the search index of every language, or of one, with a progress bar."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from modelsearch.backends import get_search_backend

from search import indexing
from search.models import PendingIndexChange

CHUNK = 500
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes: the database's, then each language's engine index; with --language, "
        "only the pages of that language (in its engine index, or in the database's)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Rebuild only this language (fr, en, es).")

    def handle(self, *args, language=None, verbosity=1, **options):
        self.verbosity = verbosity
        languages = [code for code, _name in settings.LANGUAGES]
        if language and language not in languages:
            raise CommandError(f"Unknown language {language}: choose among {', '.join(languages)}.")
        if language is None:
            self.say("database: every indexed object (pages, snippets, documents, images)")
            call_command("update_index", backend_name="default", verbosity=0)
        for code in [language] if language else indexing.engine_languages():
            self.rebuild(code)

    def rebuild(self, language):
        engine = indexing.engine_for(language, TIMEOUT=indexing.WRITE_TIMEOUT)
        backend = engine or get_search_backend("default")
        models = indexing.indexed_page_models()
        total = sum(self.pages(model, language).count() for model in models)
        where = "engine" if engine else "database"
        self.say(f"{language} ({where}): {total} pages")
        done = 0
        with transaction.atomic():
            PendingIndexChange.objects.filter(language=language).delete()  # the rebuild supersedes them
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(models[0])) if engine else None
        index = rebuilder.start() if rebuilder else backend.get_index_for_model(models[0])
        for model in models:
            index.add_model(model)
            last = 0
            while chunk := list(self.pages(model, language).filter(pk__gt=last)[:CHUNK]):
                index.add_items(model, chunk)
                last = chunk[-1].pk
                done += len(chunk)
                self.progress(language, done, total)
        if rebuilder:
            rebuilder.finish()
        self.say("")

    def pages(self, model, language):
        return model.get_indexed_objects().filter(locale__language_code=language).order_by("pk")

    def say(self, text, ending="\n"):
        if self.verbosity:
            self.stdout.write(text, ending=ending)
            self.stdout.flush()

    def progress(self, language, done, total):
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.say(f"\r{language} [{bar}] {done}/{total} {100 * done // max(total, 1)}%", ending="")
