"""Search benchmark: indexing time and search-page latency at 100,000 recommendations in three languages.

One run measures every backend on the same content: the database backend on SQLite (and on
PostgreSQL with ``--database``), then OpenSearch 2.19.6 and Elasticsearch 7.10.2 started by the
test harness (Maven Central jars) over the SQLite data. For each: the time of
``update_search_index`` (the database's whole index; for an engine, its three language indexes),
then wrk against gunicorn (2 workers, loopback) on a rotation of typical searches in fr, en and es,
some with a facet chosen, and a static file of the search page's size from the same server for
the ratio. Facets and totals are cached per words and choices (as in production): the first
request of each search computes them, the page of results is searched every time.
"""

import argparse
import json
import shutil
import sys
import time
from datetime import date

from harness import (
    GENERATED,
    OUT,
    ROOT,
    ROTATE,
    django_json,
    environment,
    gunicorn,
    manage,
    recreate_database,
    run_wrk,
    wait_until_up,
)
from harness import write_section as write_results

sys.path.insert(0, str(ROOT))
from tests.search_engines.harness import ENGINES, Node  # noqa: E402

SEARCHES = [
    "/fr/search/?q=pistes+cyclables",
    "/fr/search/?q=jardins+partages+sud",
    "/fr/search/?q=eclairer+chemins+pietons",
    "/fr/search/?q=ecole&answer=accepted",
    "/fr/search/?q=velo",
    "/fr/search/?q=renover+places&page=3",
    "/en/search/?q=bus+stops",
    "/en/search/?q=footpaths+near+schools&progress=under_way",
    "/en/search/?q=shared+garden",
    "/es/search/?q=huertos+compartidos",
    "/es/search/?q=carriles+bici&answer=rejected",
    "/es/search/?q=paradas+autobus",
]


def prepare(env, args):
    manage(env, "migrate", "--noinput")
    if not (args.reuse and django_json(env, GENERATED) >= args.count):
        manage(env, "load_initial_data")
        manage(env, "generate_archive", "--count", str(args.count))
    manage(env, "collectstatic", "--noinput")


def indexing_seconds(env, languages=None):
    started = time.monotonic()
    if languages is None:
        manage(env, "update_search_index", "--verbosity", "0")
    for language in languages or []:
        manage(env, "update_search_index", "--language", language, "--verbosity", "0")
    return time.monotonic() - started


def load(env, args):
    with gunicorn(env, args.port) as base:
        page = wait_until_up(base + SEARCHES[0], timeout=120)
    (OUT / "static" / "bench-search.html").write_bytes(page)  # WhiteNoise serves what exists at start
    with gunicorn(env, args.port) as base:
        wait_until_up(base + "/static/bench-search.html")
        script = ROTATE % ", ".join(json.dumps(path) for path in SEARCHES)
        searches = run_wrk(base + SEARCHES[0], args.seconds, args.connections, script)
        static = run_wrk(base + "/static/bench-search.html", args.seconds, args.connections)
    return searches, static


def with_engine(env, name, url):
    return {**env, "SEARCH_BACKEND": ENGINES[name].backend, "SEARCH_URLS": url, "SEARCH_INDEX": "bench"}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database", help="a PostgreSQL URL to measure too (recreated; the role needs CREATEDB)")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--port", type=int, default=8768)
    parser.add_argument("--reuse", action="store_true", help="keep databases already generated")
    parser.add_argument("--skip-sqlite", action="store_true", help="measure PostgreSQL and the engines only")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    (OUT / "static").mkdir(parents=True, exist_ok=True)
    sqlite = environment(args.port, f"sqlite:///{OUT / 'search.sqlite3'}")
    if not args.reuse:
        (OUT / "search.sqlite3").unlink(missing_ok=True)
    rows = []
    prepare(sqlite, args)
    if not args.skip_sqlite:
        rows.append(("SQLite", indexing_seconds(sqlite), *load(sqlite, args)))
        report(args, rows)  # after each backend, so a later failure keeps what was measured
    if args.database:
        postgres = environment(args.port, args.database)
        if not args.reuse:
            recreate_database(args.database)
        prepare(postgres, args)
        rows.append(("PostgreSQL", indexing_seconds(postgres), *load(postgres, args)))
        report(args, rows)
    for name, port in (("opensearch", 9291), ("elasticsearch", 9292)):
        node = Node(ENGINES[name], port).start()
        try:
            env = with_engine(sqlite, name, node.url)
            rows.append((f"{name} (data on SQLite)", indexing_seconds(env, ["fr", "en", "es"]), *load(env, args)))
        finally:
            node.stop()
        report(args, rows)


def report(args, rows):
    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/search.py --count {args.count} --seconds {args.seconds} "
        f"--connections {args.connections}`: {args.count} generated recommendations in 3 languages "
        f"({3 * args.count} pages) plus the demo; gunicorn, 2 sync workers, loopback; wrk with 2 threads and "
        f"{args.connections} connections for {args.seconds} s, rotating over {len(SEARCHES)} searches in fr, en "
        "and es (some with a facet or a page number). A search computes the kind-of-page facet, the six "
        "recommendation facets and the total (cached per words and choices until a publication, so the first "
        "request of each of the searches computes them and the next ones read them), then one page of ten "
        "results with extracts, every time. The static file is the search page's HTML served by WhiteNoise in "
        "the same server.",
        "",
        "| backend | indexing | req/s | p50 ms | p95 ms | errors | page/static req/s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, seconds, searches, static in rows:
        lines.append(
            f"| {label} | {seconds / 60:.1f} min | {searches['rps']:.1f} | {searches['p50_ms']:.0f} | "
            f"{searches['p95_ms']:.0f} | {searches['errors']} | {searches['rps'] / static['rps']:.4f} |"
        )
    write_results("Search at scale", lines)


if __name__ == "__main__":
    main()
