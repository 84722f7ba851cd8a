"""Archive benchmark: the filtered archive listing and recommendation pages at 100,000 recommendations.

For each database (SQLite, and PostgreSQL when ``--database`` is given) it builds a fresh
database with the demo, runs ``generate_archive --count N`` (each recommendation in three
languages, with actions and endorsements), starts gunicorn (2 workers, loopback) and loads
with wrk for a bounded time: the archive listing with a rotating set of filters, sorts and
page numbers; recommendation pages picked at random; and a static file of the listing's size
served by the same server, for the ratio. It records req/s, p50, p95, the page/static ratio,
the SQL queries per page and how long the generation took, in RESULTS.md.
"""

import argparse
import json
import shutil
import time
from datetime import date

from harness import (
    GENERATED,
    OUT,
    ROTATE,
    django_json,
    environment,
    gunicorn,
    manage,
    recreate_database,
    run_wrk,
    wait_until_up,
    write_section,
)

LISTING = "/fr/recommandations/"
PATHS = f"""
import json, random
from archive.models import RecommendationPage
from workshops.models import Theme
random.seed(7)
pages = RecommendationPage.objects.live().filter(locale__language_code="fr", slug__startswith="r-")
ids = list(pages.values_list("pk", flat=True))
chosen = RecommendationPage.objects.filter(pk__in=random.sample(ids, min(300, len(ids))))
themes = list(Theme.objects.filter(locale__language_code="fr").values_list("pk", flat=True))
filters = ["", "?answer=accepted", "?progress=under_way", "?year=2022", "?page=40", "?answer=rejected&year=2024"]
filters += [f"?theme={{t}}&answer=partially_accepted" for t in themes]
endorsed = ["?sort=endorsed", "?sort=endorsed&answer=accepted", "?sort=endorsed&page=7"]
print(json.dumps({{
    "listing": ["{LISTING}" + f for f in filters],
    "most endorsed": ["{LISTING}" + f for f in endorsed],
    "recommendation": [p.url for p in chosen],
}}))
"""
QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(HTTP_HOST="127.0.0.1"), {}
for name, path in %s.items():
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    counts[name] = len(queries.captured_queries)
print(json.dumps(counts))
"""
EXPORT = """
import json, time, tracemalloc
from archive import exports
tracemalloc.start()
started, rows, size = time.monotonic(), 0, 0
for line in exports.csv_lines("fr"):
    rows, size = rows + 1, size + len(line)
seconds = time.monotonic() - started
peak = tracemalloc.get_traced_memory()[1] / 1e6
print(json.dumps({"rows": rows - 1, "mb": size / 1e6, "seconds": seconds, "peak_mb": peak}))
"""


def measure(env, args, label):
    manage(env, "migrate", "--noinput")
    generated = None
    if not (args.reuse and django_json(env, GENERATED) >= args.count):
        manage(env, "load_initial_data")
        started = time.monotonic()
        manage(env, "generate_archive", "--count", str(args.count))
        generated = time.monotonic() - started
    manage(env, "collectstatic", "--noinput")
    paths = django_json(env, PATHS)
    queries = django_json(
        env, QUERIES % json.dumps({"listing": paths["listing"][1], "recommendation": paths["recommendation"][0]})
    )
    export = django_json(env, EXPORT)
    with gunicorn(env, args.port) as base:
        listing = wait_until_up(base + LISTING)
    (OUT / "static" / "bench-archive.html").write_bytes(listing)
    rows = {}
    with gunicorn(env, args.port) as base:
        wait_until_up(base + "/static/bench-archive.html")
        for name in ("listing", "most endorsed", "recommendation"):
            script = ROTATE % ", ".join(json.dumps(path) for path in paths[name])
            rows[name] = run_wrk(base + LISTING, args.seconds, args.connections, script)
        rows["static"] = run_wrk(base + "/static/bench-archive.html", args.seconds, args.connections)
    return label, generated, queries, rows, export


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database", help="a PostgreSQL URL to measure too (recreated; the role needs CREATEDB)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--reuse", action="store_true", help="keep databases already generated (migrated again)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    if not args.reuse:
        shutil.rmtree(OUT, ignore_errors=True)
    (OUT / "static").mkdir(parents=True, exist_ok=True)
    runs = [measure(environment(args.port, f"sqlite:///{OUT / 'archive.sqlite3'}"), args, "SQLite")]
    if args.database:
        if not args.reuse:
            recreate_database(args.database)
        runs.append(measure(environment(args.port, args.database), args, "PostgreSQL"))

    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/archive.py --count {args.count} --seconds {args.seconds} "
        f"--connections {args.connections}`: {args.count} recommendations in 3 languages ({3 * args.count} pages) "
        "with actions and endorsements, made by `generate_archive`; gunicorn, 2 sync workers, loopback, no page "
        f"cache; wrk with 2 threads and {args.connections} connections for {args.seconds} s per row. The listing "
        "rotates over filters (answer, theme, year, progress) and page numbers, newest first; the most endorsed rows "
        "over three sorted listings; recommendation pages over 300 "
        "picked at random. The static file has the listing's size and is served by WhiteNoise in the same server.",
        "",
        "| database | URL | req/s | p50 ms | p95 ms | errors | page/static req/s | SQL queries | generation |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, generated, queries, rows, _export in runs:
        for name in ("listing", "most endorsed", "recommendation", "static"):
            row = rows[name]
            ratio = row["rps"] / rows["static"]["rps"]
            lines.append(
                f"| {label} | {name} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['errors']} "
                f"| {ratio:.3f} | {queries.get(name, 0)} | {f'{generated / 60:.1f} min' if generated else 'reused'} |"
            )
    lines += [
        "",
        "The French CSV export, streamed in the same process (`exports.csv_lines`), Python's peak memory:",
        "",
    ]
    lines += ["| database | rows | size | time | peak memory |", "|---|---:|---:|---:|---:|"]
    for label, _generated, _queries, _rows, export in runs:
        size, seconds, peak = export["mb"], export["seconds"], export["peak_mb"]
        lines.append(f"| {label} | {export['rows']} | {size:.1f} MB | {seconds:.1f} s | {peak:.1f} MB |")
    write_section("Archive at scale", lines)


if __name__ == "__main__":
    main()
