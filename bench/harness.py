"""What every benchmark here shares: production settings on loopback, gunicorn, wrk, RESULTS.md."""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
# Lua for POST loads: a request counter, and an ``id`` per wrk thread so bodies stay unique.
COUNTED_THREADS = """
local counter = 0
local thread_number = 0
function setup(thread)
  thread:set("id", thread_number)
  thread_number = thread_number + 1
end
"""
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format('JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), errors))
end
"""


# Lua for GET loads that rotate over ``paths`` (fill with ``ROTATE % ", ".join(quoted paths)``).
ROTATE = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""
# Python for ``django_json``: how many generated recommendations the database already holds.
GENERATED = """
import json
from archive.models import RecommendationPage
print(json.dumps(RecommendationPage.objects.filter(slug__startswith="r-", locale__language_code="fr").count()))
"""


def environment(port, database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-not-for-production-0123456789",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(OUT / "static"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }


def manage(env, *args, capture=False):
    output = {"capture_output": True} if capture else {"stdout": subprocess.DEVNULL}
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, **output)
    return result.stdout.strip().splitlines()[-1] if capture else None


def django_json(env, code):
    """Run ``code`` in ``manage.py shell``; its last printed line is read as JSON."""
    return json.loads(manage(env, "shell", "-c", code, capture=True))


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")


@contextmanager
def redis_server(port):
    """A Redis for the shared cache, nothing saved to disk (as docs/deploy.md configures it)."""
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--maxmemory-policy", "volatile-lru"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        time.sleep(0.5)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def gunicorn(env, port, workers=2):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def run_wrk(url, seconds, connections, script=""):
    """A bounded wrk load; ``script`` is Lua run before the report (a ``request`` function, say)."""
    path = OUT / "wrk.lua"
    path.write_text(script + WRK_REPORT)
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(path), url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("JSON "))
    report = json.loads(line[5:])
    return {
        "requests": report["requests"],
        "rps": report["requests"] / (report["duration_us"] / 1e6),
        "p50_ms": report["p50_us"] / 1000,
        "p95_ms": report["p95_us"] / 1000,
        "errors": report["errors"],
    }


def measures(row):
    return f"{row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['errors']}"


def write_section(title, lines):
    """Replace the section headed ``## {title}`` of RESULTS.md (or add it), keeping the others."""
    section = f"## {title}\n" + "\n".join(lines) + "\n"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start = text.find(f"## {title}")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end:] if end != -1 else "")
    RESULTS.write_text(text)
    print(section)


def csrf(base, path):
    """A CSRF cookie and the matching form token, as a browser would get them from the page."""
    with urllib.request.urlopen(base + path) as response:
        cookie = SimpleCookie(response.headers["Set-Cookie"])["csrftoken"].value
        html = response.read().decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    return cookie, token


def recreate_database(url):
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def postgres_arguments(description, connections, port, database="portal_bench"):
    """The options of the PostgreSQL benchmarks; stops early if wrk is missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database", default=f"postgres://portal:portal@127.0.0.1:5432/{database}")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=connections)
    parser.add_argument("--port", type=int, default=port)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    return args


def fresh_demo(args, **settings):
    """Recreate the benchmark database with the demo loaded; returns the server's environment."""
    OUT.mkdir(parents=True, exist_ok=True)
    recreate_database(args.database)
    env = {**environment(args.port, args.database), **settings}
    manage(env, "migrate", "--noinput")
    manage(env, "load_initial_data")
    return env
