"""Speed and scale-out: pages from the shared cache, the same pages built, long discussions, nginx in front.

PostgreSQL and Redis on loopback, production settings, gunicorn with 2 sync workers, wrk with
2 threads. Every row is set against a static file of the same size served by the same server
in the same run (WhiteNoise in gunicorn; nginx itself when nginx is in front), since these
machines are noisy. Writes the "Speed and scale-out" section of bench/RESULTS.md, with a
profile of the workshop page built without the page cache.
"""

import sys
import tempfile
from datetime import date

from harness import (
    OUT,
    ROOT,
    django_json,
    fresh_demo,
    gunicorn,
    manage,
    postgres_arguments,
    redis_server,
    run_wrk,
    wait_until_up,
    write_section,
)

sys.path.insert(0, str(ROOT))
from tests.servers import Nginx  # noqa: E402 (the nginx of deploy/, as the scale-out test runs it)

WORKSHOP = "/fr/ateliers/ville-plus-fraiche/"
HOME = "/fr/"
FACTS = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from accounts.models import User
from comments.models import PortalComment
from draws.models import Draw
from workshops.models import WorkshopPage
workshop = WorkshopPage.objects.get(url_path__endswith="/ville-plus-fraiche/", locale__language_code="fr")
PortalComment.objects.filter(discussion__translation_key=workshop.translation_key).delete()  # none, to begin
user = User.objects.create_user("bench-reader", "bench-reader@example.org", display_name="Lectrice")
store = SessionStore()
store.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
              HASH_SESSION_KEY: user.get_session_auth_hash()})
store.create()
print(json.dumps({"session": store.session_key, "draw": f"/fr/draws/{Draw.objects.order_by('pk').first().pk}/"}))
"""
COMMENTS = """
import json
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from accounts.models import User
from comments import services
from comments.models import Discussion, PortalComment
from workshops.models import WorkshopPage
workshop = WorkshopPage.objects.get(url_path__endswith="/ville-plus-fraiche/", locale__language_code="fr")
discussion = services.discussion_of(workshop)
authors = User.objects.bulk_create(
    [User(username=f"bench{n}", email=f"bench{n}@example.org", display_name=f"Habitant {n}") for n in range(501)]
)
root = None
for n in range(500):
    comment = PortalComment(discussion=discussion, content_type=ContentType.objects.get_for_model(Discussion),
        object_pk=str(discussion.pk), site_id=1, user=authors[n], comment=f"Avis {n} : plus d'ombre rue " * 3,
        submit_date=timezone.now(), language="fr", parent_id=root.pk if root and n % 4 else 0)
    comment.save()
    root = comment if n % 4 == 0 else root
    if n % 3 == 0:
        CommentFlag.objects.create(user=authors[n + 1], comment=comment, flag=LIKEDIT_FLAG, flag_date=timezone.now())
discussion.touch()
print(json.dumps(discussion.comments.count()))
"""
PROFILE = """
import cProfile, json, pstats
from django.conf import settings
from django.test import Client
settings.PAGE_CACHE_SECONDS = 0
client = Client(HTTP_HOST="127.0.0.1")
client.get("{path}")
profile = cProfile.Profile()
profile.enable()
for _ in range(30):
    client.get("{path}")
profile.disable()
stats = pstats.Stats(profile).stats
groups = {{"SQL on PostgreSQL (psycopg)": "psycopg", "Django ORM": "django/db", "templates": "django/template",
          "Wagtail": "wagtail", "cache (Redis)": "redis", "the portal's code": "/work/"}}
own = {{name: 0.0 for name in groups}}
total = 0.0
for (filename, _line, _name), (_cc, _nc, tottime, _cum, _callers) in stats.items():
    total += tottime
    for name, marker in groups.items():
        if marker in filename and (marker != "/work/" or ".venv" not in filename):
            own[name] += tottime
            break
print(json.dumps({{"ms_per_page": total / 30 * 1000, "shares": {{k: v / total for k, v in own.items()}}}}))
"""
SIGNED_IN = 'wrk.headers["Cookie"] = "sessionid={session}"\n'


def against(static, rows):
    """Each row's req/s as a ratio to the static file served in the same run."""
    return {name: {**row, "ratio": row["rps"] / static["rps"]} for name, row in rows.items()}


def main():
    args = postgres_arguments(__doc__, connections=8, port=8768, database="portal_bench_scale")
    with redis_server(6391) as cache_url:
        env = fresh_demo(args, CACHE_URL=cache_url)
        manage(env, "collectstatic", "--noinput")
        facts = django_json(env, FACTS)
        signed_in = SIGNED_IN.format(session=facts["session"])
        results, seconds, connections = {}, args.seconds, args.connections

        def load(base, path, script=""):
            return run_wrk(base + path, seconds, connections, script)

        with gunicorn(env, args.port) as base:  # WhiteNoise lists the static files when it starts
            page = wait_until_up(base + WORKSHOP)
        (OUT / "static" / "bench-scale.html").write_bytes(page)
        with gunicorn(env, args.port) as base:
            wait_until_up(base + "/static/bench-scale.html")
            static = load(base, "/static/bench-scale.html")
            rows = {
                "workshop page, visitor, from the page cache": load(base, WORKSHOP),
                "home page, visitor, from the page cache": load(base, HOME),
                "workshop page, signed-in resident, no comments": load(base, WORKSHOP, signed_in),
            }
            comments = django_json(env, COMMENTS)
            wait_until_up(base + WORKSHOP)
            rows[f"workshop page, visitor, {comments} comments, from the page cache"] = load(base, WORKSHOP)
            rows[f"workshop page, signed-in resident, {comments} comments"] = load(base, WORKSHOP, signed_in)
            results["one app server, page cache on (Redis)"] = (static, against(static, rows))

        built = {**env, "PAGE_CACHE_SECONDS": "0"}
        with gunicorn(built, args.port) as base:
            wait_until_up(base + WORKSHOP)
            static = load(base, "/static/bench-scale.html")
            rows = {
                f"workshop page, visitor, {comments} comments, built": load(base, WORKSHOP),
                "home page, visitor, built": load(base, HOME),
                "draw page (150 candidacies), visitor, built": load(base, facts["draw"]),
            }
            results["one app server, page cache off"] = (static, against(static, rows))

        with tempfile.TemporaryDirectory() as directory:
            with gunicorn(env, args.port) as first, gunicorn(env, args.port + 1) as second:
                wait_until_up(first + WORKSHOP), wait_until_up(second + WORKSHOP)
                nginx = Nginx(directory, args.port + 2, [args.port, args.port + 1], OUT / "static", OUT / "media")
                nginx.start()
                try:
                    base = f"http://127.0.0.1:{args.port + 2}"
                    static = load(base, "/static/bench-scale.html")
                    rows = {
                        "workshop page, visitor, from the page cache": load(base, WORKSHOP),
                        "home page, visitor, from the page cache": load(base, HOME),
                        f"workshop page, signed-in resident, {comments} comments": load(base, WORKSHOP, signed_in),
                    }
                finally:
                    nginx.stop()
                results["nginx in front of two app servers (2 workers each)"] = (static, against(static, rows))
        profile = django_json(env, PROFILE.format(path=WORKSHOP))

    write_results(args, results, profile, len(page))


def write_results(args, results, profile, size):
    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/scale.py --seconds {args.seconds} --connections "
        f"{args.connections}`: PostgreSQL 15 and Redis 7 on loopback, production settings, gunicorn with 2 sync "
        f"workers per app server, wrk with 2 threads and {args.connections} connections for {args.seconds} s per "
        f"row, the demo's content. Ratios are to a static file of the page's size ({size:,} bytes) served by the "
        "same server in the same run: WhiteNoise inside gunicorn, or nginx itself when it is in front.",
    ]
    for setup, (static, rows) in results.items():
        lines += ["", f"**{setup}** (static file: {static['rps']:.0f} req/s)", ""]
        lines += ["| page | req/s | p50 ms | p95 ms | errors | ratio to static |", "|---|---:|---:|---:|---:|---:|"]
        for name, row in rows.items():
            lines.append(
                f"| {name} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['errors']} "
                f"| {row['ratio']:.3f} |"
            )
    shares = ", ".join(f"{name} {share:.0%}" for name, share in profile["shares"].items())
    lines += [
        "",
        f"Profile of the workshop page built without the page cache (cProfile, 30 requests in one process, "
        f"{profile['ms_per_page']:.0f} ms a page under the profiler): own time in {shares}; the rest is Python's "
        "and Django's request handling.",
    ]
    write_section("Speed and scale-out", lines)


if __name__ == "__main__":
    main()
