"""``make restore FILE=…``: put back the database and the uploaded files of an archive made by ``backup``.

The database is written through SQLite's backup API into the configured one, so its path, and any
connection already open, stay valid; uploaded files are replaced by the archive's. Stop the portal's
workers first: requests served during the restore would see a database changing under them.
"""

import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home.management.commands.backup import DATABASE_NAME, MEDIA_NAME, require_sqlite


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("archive", help="an archive written by `manage.py backup`")

    def handle(self, **options):
        require_sqlite()
        with tempfile.TemporaryDirectory() as scratch, tarfile.open(options["archive"], "r:gz") as archive:
            archive.extractall(scratch, filter="data")  # no absolute paths, links out or devices
            copy = Path(scratch) / DATABASE_NAME
            if not copy.is_file():
                raise CommandError(f"{options['archive']} holds no {DATABASE_NAME}: not a portal backup.")
            connection.ensure_connection()
            with sqlite3.connect(copy) as source:
                source.backup(connection.connection)
            source.close()
            media = Path(scratch) / MEDIA_NAME
            if media.is_dir():
                shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
                shutil.copytree(media, settings.MEDIA_ROOT)
        self.stdout.write(f"restored from {options['archive']}")
