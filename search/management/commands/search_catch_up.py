"""Replay the index writes that waited while the search engine was unreachable."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = "Send the queued page changes to the search engine; fails if some are still waiting."

    def handle(self, *args, **options):
        done, left = indexing.catch_up(TIMEOUT=indexing.WRITE_TIMEOUT)
        self.stdout.write(f"{done} change(s) sent to the search engine, {left} still waiting.")
        if left:
            raise CommandError("The search engine did not take every change: run again once it answers.")
