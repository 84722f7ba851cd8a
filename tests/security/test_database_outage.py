"""A database that does not answer gives a translated 503 page quickly, not a 500 after 20 s (issue 18,
item 9). Each case runs the portal in a process of its own whose database is really unreachable."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

PROBE = """
import json, time
from django.test import Client
client = Client(raise_request_exception=False)
start = time.monotonic()
response = client.get("/es/")
print(json.dumps({"status": response.status_code, "seconds": time.monotonic() - start,
                  "retry": response.get("Retry-After"), "body": response.content.decode()}))
"""


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def visit_with(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-directory/portal.sqlite3",
        f"postgres://portal:portal@127.0.0.1:{closed_port()}/portal",
    ],
    ids=["sqlite file gone", "postgresql refused"],
)
def test_a_database_outage_is_a_translated_503_within_seconds(database_url):
    answer = visit_with(database_url)
    assert answer["status"] == 503 and answer["retry"] == "60"
    assert "no responde" in answer["body"] and 'lang="es"' in answer["body"]
    assert answer["seconds"] < 5
