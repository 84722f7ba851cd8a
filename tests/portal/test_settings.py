"""Production settings come from the environment and are safe by Django's own checklist."""

import os
import re
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-enough-and-random-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "participation.example.org",
    "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}",
}


def manage(*args, env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_checklist_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_search_backend_is_chosen_by_configuration():
    """The database stays the default (admin search, fallback); each language gets its own engine index."""
    env = {**PRODUCTION_ENV, "SEARCH_BACKEND": "opensearch2", "SEARCH_URLS": "http://127.0.0.1:9201"}
    code = (
        "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS; "
        "print(b['default']['BACKEND'], *[(k, v['BACKEND'], v['URLS'][0], v['INDEX_PREFIX'], v['AUTO_UPDATE']) "
        "for k, v in b.items() if k != 'default'])"
    )
    result = manage("shell", "-c", code, env=env)
    assert result.stdout.strip().splitlines()[-1] == (
        "search.backends.database "
        "('fr', 'search.backends.opensearch2', 'http://127.0.0.1:9201', 'portal_fr_', False) "
        "('en', 'search.backends.opensearch2', 'http://127.0.0.1:9201', 'portal_en_', False) "
        "('es', 'search.backends.opensearch2', 'http://127.0.0.1:9201', 'portal_es_', False)"
    )


def test_an_unknown_search_backend_refuses_to_start():
    result = manage("check", env={**PRODUCTION_ENV, "SEARCH_BACKEND": "solr"})
    assert result.returncode != 0 and "SEARCH_BACKEND must be one of" in result.stderr


STORAGE_PROBE = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__module__, s.bucket_name, s.endpoint_url, s.file_overwrite, s.default_acl)"
)


def test_uploads_go_to_s3_compatible_storage_when_configured():
    env = {
        **PRODUCTION_ENV,
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "ville-portail",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
    }
    result = manage("shell", "-c", STORAGE_PROBE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "storages.backends.s3",
        "ville-portail",
        "https://s3.example.net",
        "False",
        "None",
    ]


def test_a_storage_misconfiguration_stops_the_start():
    assert "AWS_STORAGE_BUCKET_NAME" in manage("check", env={**PRODUCTION_ENV, "MEDIA_STORAGE": "s3"}).stderr
    assert "MEDIA_STORAGE must be" in manage("check", env={**PRODUCTION_ENV, "MEDIA_STORAGE": "ftp"}).stderr


def test_production_takes_a_shared_redis_cache_from_the_environment():
    probe = (
        "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'])"
    )
    result = manage("shell", "-c", probe, env={**PRODUCTION_ENV, "CACHE_URL": "redis://cache.internal:6379/0"})
    assert result.stdout.split()[-2:] == ["portal.cache.ResilientRedisCache", "redis://cache.internal:6379/0"]
    result = manage("shell", "-c", probe, env={**PRODUCTION_ENV, "REDIS_URL": "redis://other:6379/1"})
    assert result.stdout.split()[-1] == "redis://other:6379/1"


def test_the_example_environment_names_only_what_the_portal_reads():
    deploy = settings.BASE_DIR / "deploy"
    settings_files = [*(settings.BASE_DIR / "portal" / "settings").glob("*.py"), deploy / "gunicorn.conf.py"]
    read = "".join(path.read_text() for path in settings_files)
    names = re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (deploy / "portal.env.example").read_text(), re.MULTILINE)
    # read by boto3, by Django itself and by dj-database-url
    read_elsewhere = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    assert len(names) > 15
    assert [name for name in names if f'"{name}"' not in read and name not in read_elsewhere] == []
