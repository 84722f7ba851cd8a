"""Speed and scale-out: pages from the shared cache, the same pages built, long discussions, nginx in front.

PostgreSQL and Redis on loopback, production settings, gunicorn with 2 sync workers, wrk with
2 threads. Every row is set against a static file of the same size served by the same server
in the same run (WhiteNoise in gunicorn; nginx itself when nginx is in front), since these
machines are noisy. Writes the "Speed and scale-out" section of bench/RESULTS.md, with a
profile of the workshop page built without the page cache.
"""

import hashlib
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


def static_copy(page, body):
    """A static file with ``page``'s bytes, for WhiteNoise (at its next start) and nginx to serve."""
    name = "bench-" + hashlib.sha256(page.encode()).hexdigest()[:12] + ".html"
    (OUT / "static" / name).write_bytes(body)
    return "/static/" + name


def main():
    args = postgres_arguments(__doc__, connections=8, port=8768, database="portal_bench_scale")
    with redis_server(6391) as cache_url:
        env = fresh_demo(args, CACHE_URL=cache_url)
        manage(env, "collectstatic", "--noinput")
        facts = django_json(env, FACTS)
        signed_in = SIGNED_IN.format(session=facts["session"])
        seconds, connections, port = args.seconds, args.connections, args.port
        results, statics = {}, {}

        def copies(base, *pages):
            """Static copies of ``pages`` as served now; the server must start again to serve them."""
            for page in pages:
                statics[page] = static_copy(page, wait_until_up(base + page))

        def measure(base, rows):
            """Each page, then its static copy through the same server, one after the other."""
            measured = {}
            for name, (page, script) in rows.items():
                row = run_wrk(base + page, seconds, connections, script)
                static = run_wrk(base + statics[page], seconds, connections)
                measured[name] = {**row, "static_rps": static["rps"], "ratio": row["rps"] / static["rps"]}
            return measured

        with gunicorn(env, port) as base:
            copies(base, WORKSHOP, HOME, facts["draw"])
        with gunicorn(env, port) as base:
            wait_until_up(base + statics[WORKSHOP])
            results["one app server, page cache on (Redis)"] = measure(
                base,
                {
                    "workshop page, visitor, from the page cache": (WORKSHOP, ""),
                    "home page, visitor, from the page cache": (HOME, ""),
                    "workshop page, signed-in resident, no comments": (WORKSHOP, signed_in),
                },
            )
            comments = django_json(env, COMMENTS)
            discussion = f"{WORKSHOP}?comments={comments}"  # the same page, another address for its own copy
            copies(base, discussion)
        with gunicorn(env, port) as base:
            wait_until_up(base + statics[discussion])
            results["one app server, page cache on (Redis)"].update(
                measure(
                    base,
                    {
                        f"workshop page, visitor, {comments} comments, from the page cache": (discussion, ""),
                        f"workshop page, signed-in resident, {comments} comments": (discussion, signed_in),
                    },
                )
            )

        with gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, port) as base:
            wait_until_up(base + WORKSHOP)
            results["one app server, page cache off"] = measure(
                base,
                {
                    f"workshop page, visitor, {comments} comments, built": (discussion, ""),
                    "home page, visitor, built": (HOME, ""),
                    "draw page (150 candidacies), visitor, built": (facts["draw"], ""),
                },
            )

        with tempfile.TemporaryDirectory() as directory:
            with gunicorn(env, port) as first, gunicorn(env, port + 1) as second:
                wait_until_up(first + WORKSHOP), wait_until_up(second + WORKSHOP)
                nginx = Nginx(directory, port + 2, [port, port + 1], OUT / "static", OUT / "media").start()
                try:
                    results["nginx in front of two app servers (2 workers each)"] = measure(
                        f"http://127.0.0.1:{port + 2}",
                        {
                            "workshop page, visitor, from the page cache": (WORKSHOP, ""),
                            "home page, visitor, from the page cache": (HOME, ""),
                            f"workshop page, signed-in resident, {comments} comments": (discussion, signed_in),
                        },
                    )
                finally:
                    nginx.stop()
        profile = django_json(env, PROFILE.format(path=WORKSHOP))

    write_results(args, results, profile)


def write_results(args, results, profile):
    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/scale.py --seconds {args.seconds} --connections "
        f"{args.connections}`: PostgreSQL 15 and Redis 7 on loopback, production settings, gunicorn with 2 sync "
        f"workers per app server, wrk with 2 threads and {args.connections} connections for {args.seconds} s per "
        "load, the demo's content. Each page is followed at once by a static file of exactly its bytes, served by "
        "the same server (WhiteNoise inside gunicorn, or nginx itself when it is in front); the ratio is between "
        "the two.",
    ]
    for setup, rows in results.items():
        lines += ["", f"**{setup}**", ""]
        lines += [
            "| page | req/s | p50 ms | p95 ms | errors | its static copy, req/s | ratio to static |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, row in rows.items():
            lines.append(
                f"| {name} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['errors']} "
                f"| {row['static_rps']:.0f} | {row['ratio']:.3f} |"
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
