"""Rebuild the search index of every language, or of one, with a progress bar."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from modelsearch.backends import get_search_backend

from search import indexing
from search.models import PendingIndexChange

CHUNK = 500
BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Rebuild the pages' search index: each language's engine index, or the database's entries."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Rebuild only this language (fr, en, es).")

    def handle(self, *args, language=None, **options):
        languages = [code for code, _name in settings.LANGUAGES]
        if language and language not in languages:
            raise CommandError(f"Unknown language {language}: choose among {', '.join(languages)}.")
        for code in [language] if language else languages:
            self.rebuild(code)

    def rebuild(self, language):
        engine = indexing.engine_for(language)
        backend = engine or get_search_backend("default")
        models = indexing.indexed_page_models()
        total = sum(self.pages(model, language).count() for model in models)
        where = "engine" if engine else "database"
        self.stdout.write(f"{language} ({where}): {total} pages")
        done = 0
        with transaction.atomic():
            PendingIndexChange.objects.filter(language=language).delete()  # the rebuild supersedes them
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(models[0])) if engine else None
        index = rebuilder.start() if rebuilder else backend.get_index_for_model(models[0])
        for model in models:
            index.add_model(model)
            pages = self.pages(model, language)
            for start in range(0, pages.count(), CHUNK):
                chunk = list(pages[start : start + CHUNK])
                index.add_items(model, chunk)
                done += len(chunk)
                self.progress(language, done, total)
        if rebuilder:
            rebuilder.finish()
        self.stdout.write("")

    def pages(self, model, language):
        return model.get_indexed_objects().filter(locale__language_code=language).order_by("pk")

    def progress(self, language, done, total):
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stdout.write(f"\r{language} [{bar}] {done}/{total} {100 * done // max(total, 1)}%", ending="")
        self.stdout.flush()
