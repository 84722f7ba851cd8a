"""Page benchmark: gunicorn (2 workers, loopback) serving the demo, measured with wrk.

Measures the home page, a workshop page and a static file of the same size served by
the same server (WhiteNoise), then writes req/s, p50, p95, the page/static ratio and
the SQL queries per page into bench/RESULTS.md. Every load is bounded in time.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format('JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), errors))
end
"""
PAGES = {"home page": "/fr/", "workshop page": "/fr/ateliers/ville-plus-fraiche/"}


def environment(port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-not-for-production-0123456789",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{OUT / 'bench.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(OUT / "static"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def count_queries(env):
    """SQL queries per page, rendered in-process with the benchmark's settings."""
    code = (
        "import json; from django.db import connection; from django.test import Client;"
        "from django.test.utils import CaptureQueriesContext; c = Client(HTTP_HOST='127.0.0.1');"
        f"paths = {json.dumps(PAGES)}; out = {{}}\n"
        "for name, path in paths.items():\n"
        "    c.get(path)\n"
        "    with CaptureQueriesContext(connection) as q: c.get(path)\n"
        "    out[name] = len(q.captured_queries)\n"
        "print(json.dumps(out))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")


def run_wrk(url, seconds, connections):
    script = OUT / "report.lua"
    script.write_text(WRK_REPORT)
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("JSON "))
    report = json.loads(line[5:])
    return {
        "rps": report["requests"] / (report["duration_us"] / 1e6),
        "p50_ms": report["p50_us"] / 1000,
        "p95_ms": report["p95_us"] / 1000,
        "errors": report["errors"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each load (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    env = environment(args.port)
    manage(env, "migrate", "--noinput")
    manage(env, "load_initial_data")
    manage(env, "collectstatic", "--noinput")
    queries = count_queries(env)

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{args.port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        home = wait_until_up(base + PAGES["home page"])
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        (OUT / "static" / "bench-static.html").write_bytes(home)
        server = subprocess.Popen(
            server.args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        wait_until_up(base + "/static/bench-static.html")
        rows = {name: run_wrk(base + path, args.seconds, args.connections) for name, path in PAGES.items()}
        static = run_wrk(base + "/static/bench-static.html", args.seconds, args.connections)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    write_results(rows, static, queries, len(home), args)


def measures(row):
    return f"{row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['errors']}"


def write_results(rows, static, queries, size, args):
    lines = [
        f"## Pages ({date.today().isoformat()})",
        "",
        f"`python bench/pages.py --seconds {args.seconds} --connections {args.connections}`: gunicorn, 2 sync workers,"
        f" loopback, SQLite + database search, demo content, no page cache; wrk with 2 threads and"
        f" {args.connections} connections for {args.seconds} s per URL; static file of the same size"
        f" ({size} bytes) served by WhiteNoise in the same server.",
        "",
        "| URL | req/s | p50 ms | p95 ms | errors | page/static req/s | SQL queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        ratio = row["rps"] / static["rps"]
        lines.append(f"| {name} `{PAGES[name]}` | {measures(row)} | {ratio:.3f} | {queries[name]} |")
    lines.append(f"| static file | {measures(static)} | 1 | 0 |")
    section = "\n".join(lines) + "\n"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    start = text.find("## Pages")
    if start != -1:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
