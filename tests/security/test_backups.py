"""Backups that come back (issue 18, item 14): a demo portal is saved, damaged and restored, and its pages,
registrations, comments, recommendations and draws are all there again. SQLite through ``make backup`` and
``make restore``; PostgreSQL through the pg_dump / pg_restore commands of docs/deploy.md."""

import json
import os
import shutil
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings

from tests.servers import binary

COUNT = """
import json
from pathlib import Path
from django.conf import settings
from wagtail.models import Page
from archive.models import RecommendationPage
from comments.models import PortalComment
from draws.models import Candidacy, Draw
from registrations.models import Registration
media = sorted(str(p.relative_to(settings.MEDIA_ROOT)) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())
print(json.dumps({
    "pages": Page.objects.count(), "registrations": Registration.objects.count(),
    "comments": PortalComment.objects.count(), "recommendations": RecommendationPage.objects.count(),
    "draws": Draw.objects.count(), "candidacies": Candidacy.objects.count(), "media": media,
}))
"""
REGISTER = """
from registrations import services
from workshops.models import Session
session = next(s for s in Session.objects.filter(open_to_public=True) if s.registration_state() == "open")
for n in range(3):
    services.register(session, services.Applicant(name=f"Sauvegarde {n}", email=f"b{n}@example.org", language="fr"))
"""
DAMAGE = """
from comments.models import PortalComment
from registrations.models import Registration
from draws.models import Draw
PortalComment.objects.all().delete(); Registration.objects.all().delete(); Draw.objects.all().delete()
"""


class Portal:
    """The portal in processes of its own, on a database and a media folder made for the test."""

    def __init__(self, tmp_path, database_url):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        }

    def run(self, *command):
        result = subprocess.run(
            command, cwd=settings.BASE_DIR, env=self.env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        return result.stdout

    def manage(self, *args):
        return self.run(sys.executable, "manage.py", *args)

    def counts(self):
        return json.loads(self.manage("shell", "-c", COUNT).strip().splitlines()[-1])

    def with_demo(self):
        self.manage("migrate", "--noinput")
        self.manage("load_initial_data")
        self.manage("shell", "-c", REGISTER)  # the demo has sessions, nobody registered yet
        before = self.counts()
        assert all(before[name] for name in ("pages", "registrations", "comments", "recommendations", "draws")), before
        assert before["media"], "the demo's logo and images are uploaded files"
        return before


def damage(portal):
    portal.manage("shell", "-c", DAMAGE)
    shutil.rmtree(portal.env["DJANGO_MEDIA_ROOT"])
    damaged = portal.counts()
    assert damaged["comments"] == damaged["registrations"] == damaged["draws"] == 0 and not damaged["media"]


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), reason="SQLite pass")
def test_make_backup_and_make_restore_bring_sqlite_and_media_back(tmp_path):
    portal = Portal(tmp_path, f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    before = portal.with_demo()
    archive = tmp_path / "backup.tar.gz"
    portal.run("make", "--no-print-directory", "backup", f"FILE={archive}")
    damage(portal)
    portal.run("make", "--no-print-directory", "restore", f"FILE={archive}")
    assert portal.counts() == before


@pytest.mark.postgres
def test_the_documented_pg_dump_and_pg_restore_bring_postgresql_back(tmp_path):
    server = settings.DATABASES["default"]
    admin = {
        "user": server["USER"],
        "password": server["PASSWORD"],
        "host": server["HOST"],
        "port": server["PORT"] or 5432,
    }
    names = {"live": f"portal_backup_{os.getpid()}", "restored": f"portal_restore_{os.getpid()}"}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as connection:
        for name in names.values():
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{names["live"]}"')
    url = "postgres://{user}:{password}@{host}:{port}/".format(**admin)
    live = Portal(tmp_path, url + names["live"])
    before = live.with_demo()
    dump = tmp_path / "portal.dump"
    live.run(binary("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", url + names["live"])
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as connection:
        connection.execute(f'CREATE DATABASE "{names["restored"]}"')
    live.run(binary("pg_restore"), "--no-owner", f"--dbname={url + names['restored']}", str(dump))
    restored = Portal(tmp_path, url + names["restored"])
    restored.manage("check")
    assert restored.counts() == before
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as connection:
        for name in names.values():
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
