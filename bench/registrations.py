"""Registration benchmark: parallel POSTs of the registration form through gunicorn on PostgreSQL.

Two loads, each bounded in time: one on a session with more seats than requests
(confirmed registrations per second), one on a session of 25 seats (every request
after the 25th must land on the waiting list; the overbooking count must be 0).
"""

from datetime import date

from harness import (
    COUNTED_THREADS,
    csrf,
    django_json,
    fresh_demo,
    gunicorn,
    measures,
    postgres_arguments,
    run_wrk,
    wait_until_up,
    write_section,
)

SMALL_SESSION_SEATS = 25
CREATE_SESSIONS = """
import datetime, json
from django.utils import timezone
from wagtail.models import Locale
from workshops.models import Session, SessionText, WorkshopPage
workshop = WorkshopPage.objects.filter(locale__language_code="fr").first()
start = timezone.now() + datetime.timedelta(days=30)
ids = []
for capacity in (1_000_000, {small}):
    session = Session.objects.create(workshop=workshop, start=start, end=start + datetime.timedelta(hours=2),
        venue_name="Salle", venue_address="1 rue", capacity=capacity, open_to_public=True, residents_only=False,
        childcare_places=0)
    SessionText.objects.create(session=session, locale=Locale.objects.get(language_code="fr"), title="Banc d'essai")
    ids.append(session.pk)
print(json.dumps(ids))
"""
COUNT = """
import json
from registrations.models import Registration
counts = {{}}
for status in ("confirmed", "waitlisted"):
    counts[status] = Registration.objects.filter(session_id={pk}, status=status).count()
print(json.dumps(counts))
"""
POST_SCRIPT = """
function request()
  counter = counter + 1
  local email = string.format("bench-%d-%d-%d%%40example.org", id, counter, math.random(1, 1000000000))
  local body = "csrfmiddlewaretoken={token}&name=Banc&email=" .. email .. "&language=fr&old_enough=on&consent=on"
  return wrk.format("POST", "{path}", {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken={cookie}",
  }}, body)
end
"""


def load(base, session_id, args):
    path = f"/fr/sessions/{session_id}/"
    cookie, token = csrf(base, path)
    script = COUNTED_THREADS + POST_SCRIPT.format(token=token, cookie=cookie, path=path)
    return run_wrk(base + path, args.seconds, args.connections, script)


def main():
    args = postgres_arguments(__doc__, connections=12, port=8766)
    env = fresh_demo(args, TASKS_BACKEND="django_tasks_db.DatabaseBackend")
    large, small = django_json(env, CREATE_SESSIONS.format(small=SMALL_SESSION_SEATS))

    with gunicorn(env, args.port) as base:
        wait_until_up(base + "/fr/")
        throughput = load(base, large, args)
        contended = load(base, small, args)
    large_counts = django_json(env, COUNT.format(pk=large))
    small_counts = django_json(env, COUNT.format(pk=small))
    overbooked = max(small_counts["confirmed"] - SMALL_SESSION_SEATS, 0)
    confirmed_per_second = large_counts["confirmed"] / args.seconds

    write_section(
        "Registrations",
        [
            "",
            f"{date.today().isoformat()}, `python bench/registrations.py --seconds {args.seconds} --connections "
            f"{args.connections}`: PostgreSQL 15, gunicorn with 2 sync workers on loopback, wrk with 2 threads and "
            f"{args.connections} connections POSTing the registration form of people without an account (each "
            "request: CSRF check, form validation, row lock on the session, seat numbering, the registration and "
            "its email written to the outbox and queued for the `db_worker`, as in production).",
            "",
            "| load | req/s | p50 ms | p95 ms | errors | result |",
            "|---|---:|---:|---:|---:|---|",
            f"| session with 1,000,000 seats | {measures(throughput)} | {large_counts['confirmed']} confirmed in "
            f"{args.seconds} s = **{confirmed_per_second:.0f} confirmed registrations/s** |",
            f"| session with {SMALL_SESSION_SEATS} seats | {measures(contended)} | {small_counts['confirmed']} "
            f"confirmed, {small_counts['waitlisted']} waitlisted, **overbooked: {overbooked}** |",
        ],
    )
    if overbooked:
        raise SystemExit(f"OVERBOOKED by {overbooked}")


if __name__ == "__main__":
    main()
