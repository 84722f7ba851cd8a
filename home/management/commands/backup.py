"""``make backup``: the SQLite database and the uploaded files in one archive, safe while the portal runs.

The database is copied with SQLite's online backup API (a consistent copy even while requests write),
the media folder file by file. PostgreSQL has its own tools: docs/deploy.md gives the pg_dump recipe.
"""

import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

DATABASE_NAME = "db.sqlite3"
MEDIA_NAME = "media"


def require_sqlite():
    if connection.vendor != "sqlite":
        raise CommandError("This backup is for SQLite; with PostgreSQL use pg_dump (docs/deploy.md, Backups).")


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--out", help="the archive to write (default: backups/portal-<date>.tar.gz)")

    def handle(self, **options):
        require_sqlite()
        out = Path(options["out"] or f"backups/portal-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        out.parent.mkdir(parents=True, exist_ok=True)
        connection.ensure_connection()
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / DATABASE_NAME
            with sqlite3.connect(copy) as target:
                connection.connection.backup(target)
            target.close()
            with tarfile.open(out, "w:gz") as archive:
                archive.add(copy, DATABASE_NAME)
                if Path(settings.MEDIA_ROOT).is_dir():
                    archive.add(settings.MEDIA_ROOT, MEDIA_NAME)
        self.stdout.write(f"backup written to {out}")
