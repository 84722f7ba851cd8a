"""Page benchmark: gunicorn (2 workers, loopback) serving the demo, measured with wrk.

Measures the home page, a workshop page and a static file of the same size served by
the same server (WhiteNoise), then writes req/s, p50, p95, the page/static ratio and
the SQL queries per page into bench/RESULTS.md. Every load is bounded in time.
"""

import argparse
import json
import shutil
from datetime import date

from harness import OUT, django_json, environment, gunicorn, manage, measures, run_wrk, wait_until_up, write_section

PAGES = {"home page": "/fr/", "workshop page": "/fr/ateliers/ville-plus-fraiche/"}
COUNT_QUERIES = f"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(HTTP_HOST="127.0.0.1"), {{}}
for name, path in {json.dumps(PAGES)}.items():
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[name] = len(queries.captured_queries)
print(json.dumps(counts))
"""


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
    env = environment(args.port, f"sqlite:///{OUT / 'bench.sqlite3'}")
    manage(env, "migrate", "--noinput")
    manage(env, "load_initial_data")
    manage(env, "collectstatic", "--noinput")
    queries = django_json(env, COUNT_QUERIES)

    with gunicorn(env, args.port) as base:
        home = wait_until_up(base + PAGES["home page"])
    (OUT / "static" / "bench-static.html").write_bytes(home)
    with gunicorn(env, args.port) as base:
        wait_until_up(base + "/static/bench-static.html")
        rows = {name: run_wrk(base + path, args.seconds, args.connections) for name, path in PAGES.items()}
        static = run_wrk(base + "/static/bench-static.html", args.seconds, args.connections)

    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/pages.py --seconds {args.seconds} --connections "
        f"{args.connections}`: gunicorn, 2 sync workers, loopback, SQLite + database search, demo content, no page "
        f"cache; wrk with 2 threads and {args.connections} connections for {args.seconds} s per URL; static file of "
        f"the same size ({len(home)} bytes) served by WhiteNoise in the same server.",
        "",
        "| URL | req/s | p50 ms | p95 ms | errors | page/static req/s | SQL queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        ratio = row["rps"] / static["rps"]
        lines.append(f"| {name} `{PAGES[name]}` | {measures(row)} | {ratio:.3f} | {queries[name]} |")
    lines.append(f"| static file | {measures(static)} | 1 | 0 |")
    write_section("Pages", lines)


if __name__ == "__main__":
    main()
