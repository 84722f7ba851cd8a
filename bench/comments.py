"""Discussion benchmark: a workshop page carrying 500 comments, and comment posting, on PostgreSQL.

Renders the page for visitors with the discussion cache off (Django's dummy cache)
and on (local memory, the default), and for a signed-in resident (never cached);
then POSTs comments as 1,000 signed-in residents in turn, all on that one page,
so every post waits for the same discussion lock. Every load is bounded in time.
"""

from datetime import date

from harness import (
    COUNTED_THREADS,
    csrf,
    django_json,
    fresh_demo,
    gunicorn,
    manage,
    measures,
    postgres_arguments,
    run_wrk,
    wait_until_up,
    write_section,
)

PAGE = "/fr/ateliers/ville-plus-fraiche/"
COMMENTS = 500
RESIDENTS = 1000
PREPARE = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from accounts.models import User
from comments import services
from comments.models import Discussion, PortalComment
from workshops.models import WorkshopPage

workshop = WorkshopPage.objects.get(url_path__endswith="/ville-plus-fraiche/", locale__language_code="fr")
discussion = services.discussion_of(workshop)
residents = User.objects.bulk_create(
    [User(username=f"bench{{n}}", email=f"bench{{n}}@example.org", display_name=f"Habitant {{n}}")
     for n in range({residents})]
)
sessions = []
for user in residents:
    store = SessionStore()
    store.update({{SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
        HASH_SESSION_KEY: user.get_session_auth_hash()}})
    store.create()
    sessions.append(store.session_key)
root = None
for n in range({comments} - discussion.comments.count()):
    comment = PortalComment(discussion=discussion, content_type=ContentType.objects.get_for_model(Discussion),
        object_pk=str(discussion.pk), site_id=1, user=residents[n],
        comment=f"Avis numéro {{n}} : plus d'ombre rue " * 3,
        submit_date=timezone.now(), language="fr", parent_id=root.pk if root and n % 4 else 0)
    comment.save()
    root = comment if n % 4 == 0 else root
    if n % 3 == 0:
        CommentFlag.objects.create(user=residents[n + 1], comment=comment, flag=LIKEDIT_FLAG, flag_date=timezone.now())
client = Client(HTTP_HOST="127.0.0.1", secure=True)
client.get("{page}")
with CaptureQueriesContext(connection) as queries:
    client.get("{page}", {{"sort": "liked"}})
print(json.dumps({{"sessions": sessions, "queries": len(queries.captured_queries),
    "comments": discussion.comments.count()}}))
"""
COUNT = "from comments.models import PortalComment; print(PortalComment.objects.count())"
SIGNED_IN = """
wrk.headers["Cookie"] = "sessionid={session}"
"""
POST_SCRIPT = """
local sessions = {{{sessions}}}
function request()
  counter = counter + 1
  local session = sessions[((counter * 2 + id) % #sessions) + 1]
  local body = "csrfmiddlewaretoken={token}&text=Un+avis+de+plus+sur+la+chaleur+en+ville+" .. counter
  return wrk.format("POST", "{path}", {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken={cookie}; sessionid=" .. session,
    ["Referer"] = "{referer}",
  }}, body)
end
"""


def main():
    args = postgres_arguments(__doc__, connections=8, port=8767)
    env = fresh_demo(args)
    manage(env, "collectstatic", "--noinput")
    prepared = django_json(env, PREPARE.format(residents=RESIDENTS, comments=COMMENTS, page=PAGE))
    sessions = prepared["sessions"]

    renders = {}
    uncached = {**env, "CACHE_BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    with gunicorn(uncached, args.port) as base:
        wait_until_up(base + PAGE)
        renders["visitor, discussion cache off"] = run_wrk(base + PAGE, args.seconds, args.connections)
    with gunicorn(env, args.port) as base:
        wait_until_up(base + PAGE)
        renders["visitor, discussion cached"] = run_wrk(base + PAGE, args.seconds, args.connections)
        signed_in = SIGNED_IN.format(session=sessions[-1])
        renders["signed-in resident (never cached)"] = run_wrk(base + PAGE, args.seconds, args.connections, signed_in)

        cookie, token = csrf(base, "/fr/accounts/login/")
        post_path = "/fr/comments/page/{}/post/".format(
            django_json(
                env,
                "import json; from workshops.models import WorkshopPage; print(json.dumps(WorkshopPage.objects.get("
                f"url_path__endswith='{PAGE[3:]}', locale__language_code='fr').pk))",
            )
        )
        quoted = ",".join(f'"{key}"' for key in sessions)
        script = COUNTED_THREADS + POST_SCRIPT.format(
            sessions=quoted, token=token, cookie=cookie, path=post_path, referer=base + PAGE
        )
        posting = run_wrk(base + post_path, args.seconds, args.connections, script)
    after = int(django_json(env, COUNT))
    posted = after - prepared["comments"]

    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/comments.py --seconds {args.seconds} --connections "
        f"{args.connections}`: PostgreSQL 15, gunicorn with 2 sync workers on loopback, wrk with 2 threads and "
        f"{args.connections} connections for {args.seconds} s per row. The heat workshop page of the demo carries "
        f"{prepared['comments']} comments (125 threads, replies, a third of them liked); the page shows 20 threads "
        f"and the first 10 replies of each, in {prepared['queries']} SQL queries whatever the number of comments.",
        "",
        "| load | req/s | p50 ms | p95 ms | errors |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in renders.items():
        lines.append(f"| page with {COMMENTS} comments: {name} | {measures(row)} |")
    lines.append(
        f"| posting a comment ({RESIDENTS:,} residents in turn, one page) | {measures(posting)} |"
        f" → {posted} comments saved = **{posted / args.seconds:.0f} comments/s** |"
    )
    lines += [
        "",
        "Each post: session and CSRF checks, block and rate-limit checks (5 a minute per resident), the row lock "
        "on the page's discussion, xtd's thread ordering, the cache version bump, then a redirect (counted as the "
        "response). Posts to one page are serialised by that lock by design; posts to different pages are not.",
    ]
    write_section("Comments", lines)
    if posting["errors"] or posted == 0:
        raise SystemExit(f"{posting['errors']} posting errors, {posted} comments saved")


if __name__ == "__main__":
    main()
