"""Scale-out, for real: two gunicorn app servers behind Debian's nginx, one PostgreSQL, one Redis, one worker.

Started once for the module from the files in deploy/ (``tests.deploy.cluster``); PostgreSQL-only,
so it runs in CI's PostgreSQL pass. What it shows: a change made through one server is what
both serve at once; seats stay exact under 50 parallel registrations through nginx; stopping
an app server loses no request nginx may retry, and no data.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.deploy.cluster import DEPLOY, Browser, Cluster, exec_starts

pytestmark = pytest.mark.postgres

SETUP = """
import json
from allauth.account.models import EmailAddress
from accounts.models import User
from archive.models import RecommendationIndexPage, RecommendationPage
from tests.factories import SessionFactory
from workshops.models import WorkshopPage
french = {"locale__language_code": "fr"}
workshop = WorkshopPage.objects.live().filter(**french).first()
recommendation = RecommendationPage.objects.live().filter(**french).first()
for name, staff in (("resident", False), ("editor", True)):
    user = User.objects.create_user(
        f"cluster-{name}", f"cluster-{name}@example.org", "a-long-pass-phrase-42", is_staff=staff, is_superuser=staff
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
sessions = [
    SessionFactory(workshop=workshop, capacity=10, residents_only=False, titles={"fr": f"Atelier ouvert {n}"}).pk
    for n in (1, 2)
]
facts = {
    "workshop": workshop.pk,
    "workshop_url": workshop.url,
    "sessions": sessions,
    "recommendation": recommendation.pk,
    "recommendation_url": recommendation.url,
    "archive_url": RecommendationIndexPage.objects.live().filter(**french).first().url,
}
print(json.dumps(facts))
"""

SEATS = """
import json
from registrations.models import Registration
from registrations.services import waitlist_positions
rows = Registration.objects.active().filter(session_id={pk})
seats = sorted(rows.exclude(seat=None).values_list("seat", flat=True))
waiting = waitlist_positions({pk})
emails = sorted(rows.values_list("email", flat=True))
print(json.dumps({{"seats": seats, "positions": sorted(waiting.values()), "emails": emails}}))
"""
PASSWORD = "a-long-pass-phrase-42"


@pytest.fixture(scope="module")
def cluster(django_db_blocker):
    with django_db_blocker.unblock():
        running = Cluster()
        try:
            running.start()
            running.facts = running.python(SETUP)
            yield running
        finally:
            running.stop()


def on(cluster, port):
    return Browser(f"http://127.0.0.1:{port}")


def guest_form(n):
    return {"name": f"Invité {n}", "email": f"guest{n}@example.org", "language": "fr", "old_enough": "on"} | {
        "children": "0",
        "consent": "on",
    }


def test_both_app_servers_and_nginx_are_healthy(cluster):
    for base in [cluster.base] + [f"http://127.0.0.1:{port}" for port in cluster.app_ports]:
        status, headers, content = Browser(base).get("/healthz")
        assert status == 200 and '"status": "ok"' in content
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', Browser(cluster.base).get("/fr/")[2])
    status, headers, _content = Browser(cluster.base).get(stylesheet.group(1))
    assert status == 200 and "immutable" in headers.get_all("Cache-Control")[-1]
    assert Browser(cluster.base).get("/static/css/portal.css")[1]["Cache-Control"] == "max-age=3600"


def test_an_edit_published_through_one_server_is_served_fresh_by_both(cluster):
    url = cluster.facts["recommendation_url"]
    visitor = Browser(cluster.base)
    for path in (
        url,
        url,
        cluster.facts["archive_url"],
        cluster.facts["archive_url"],
    ):  # round robin: both servers put them in the shared cache
        assert visitor.get(path)[0] == 200
    assert visitor.get(url)[1]["X-Page-Cache"] == "hit"

    editor = on(cluster, cluster.app_ports[0])  # an editor at work on one of the app servers
    editor.sign_in("cluster-editor@example.org", PASSWORD)
    edit = f"/admin/pages/{cluster.facts['recommendation']}/edit/"
    status, _headers, form = editor.get(edit)
    assert status == 200
    fields = form_fields(form, "page-edit-form")
    fields["title"] = "Une recommandation reformulée"
    fields["action-publish"] = "action-publish"
    status, _headers, content = editor.post(edit, fields)
    assert status == 302, cluster.log(f"app-{cluster.app_ports[0]}")[-4000:]

    for base in [cluster.base, cluster.base] + [f"http://127.0.0.1:{port}" for port in cluster.app_ports]:
        for path in (url, cluster.facts["archive_url"]):
            status, _headers, content = Browser(base).get(path)
            assert status == 200 and "Une recommandation reformulée" in content, (base, path)


def test_fifty_parallel_registrations_through_nginx_seat_exactly_ten(cluster):
    pk = cluster.facts["sessions"][0]
    path = f"/fr/sessions/{pk}/"
    Browser(cluster.base).get(path)  # cached before the rush
    with ThreadPoolExecutor(max_workers=25) as pool:
        answers = list(pool.map(lambda n: Browser(cluster.base).post(path, guest_form(n))[0], range(50)))
    assert answers == [302] * 50
    outcome = cluster.python(SEATS.format(pk=pk))
    assert outcome["seats"] == list(range(1, 11))
    assert outcome["positions"] == list(range(1, 41))
    for _ in range(2):  # each server, through nginx, shows the session full at once
        content = Browser(cluster.base).get(path)[2]
        assert "0 place restante" in content


def test_a_comment_posted_on_one_server_appears_on_the_other(cluster):
    first, second = cluster.app_ports
    url = cluster.facts["workshop_url"]
    assert Browser(f"http://127.0.0.1:{second}").get(url)[0] == 200  # cached on the shared cache
    resident = on(cluster, first)
    resident.sign_in("cluster-resident@example.org", PASSWORD)
    token = resident.token(url)
    path = f"/fr/comments/page/{cluster.facts['workshop']}/post/"
    status, _headers, _content = resident.post(
        path, {"csrfmiddlewaretoken": token, "text": "Des bancs à l'ombre, rue Félix-Poulat"}
    )
    assert status == 302
    content = Browser(f"http://127.0.0.1:{second}").get(url)[2]
    assert "Des bancs à l&#x27;ombre, rue Félix-Poulat" in content


def test_nginx_names_the_visitor_and_no_one_else_can(cluster):
    resident = Browser(cluster.base)
    resident.sign_in("cluster-resident@example.org", PASSWORD)
    url = cluster.facts["workshop_url"]
    path = f"/fr/comments/page/{cluster.facts['workshop']}/post/"
    spoofed = {"X-Real-IP": "203.0.113.9", "X-Forwarded-For": "203.0.113.9"}
    status = resident.post(path, {"csrfmiddlewaretoken": resident.token(url), "text": "Adresse ?"}, **spoofed)[0]
    assert status == 302
    stored = cluster.python(
        "import json; from comments.models import PortalComment; "
        "print(json.dumps(PortalComment.objects.get(comment='Adresse ?').ip_address))"
    )
    assert stored == "127.0.0.0"  # what nginx saw (127.0.0.1, its network part kept), not what the visitor claimed


@pytest.mark.parametrize("unit", ["portal-periodic.service", "portal-daily.service"])
def test_the_timers_commands_run_against_the_cluster(cluster, unit):
    timer = (DEPLOY / "systemd" / unit.replace(".service", ".timer")).read_text()
    assert "[Timer]" in timer and "WantedBy=timers.target" in timer
    for command in exec_starts(unit):
        result = cluster.run(command)
        assert result.returncode == 0, (command, result.stdout, result.stderr)


def test_stopping_one_app_server_mid_run_loses_no_request_nor_data(cluster):
    pk = cluster.facts["sessions"][1]
    pages = ["/fr/", cluster.facts["workshop_url"], f"/fr/sessions/{pk}/", cluster.facts["archive_url"]]
    answers, posted, done = [], {}, threading.Event()

    def read(n):
        status = Browser(cluster.base).get(pages[n % len(pages)])[0]
        answers.append(status)
        if len(answers) == 60:
            done.set()
        return status

    def register(n):
        posted[n] = Browser(cluster.base).post(f"/fr/sessions/{pk}/", guest_form(1000 + n))[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        reads, writes = [], []
        for n in range(240):  # the registrations spread among the reads, some in flight at the stop
            reads.append(pool.submit(read, n))
            if n % 15 == 0:
                writes.append(pool.submit(register, n // 15))
        done.wait(120)
        cluster.stop_app(cluster.app_ports[0])  # as systemctl stop: SIGTERM, requests in flight finish
        for future in reads + writes:
            future.result()
    assert answers == [200] * 240
    outcome = cluster.python(SEATS.format(pk=pk))
    registered = sorted(f"guest{1000 + n}@example.org" for n, status in posted.items() if status == 302)
    assert registered == outcome["emails"]  # every registration answered is kept, and only those
    assert len(outcome["seats"]) == 10 and outcome["seats"] == list(range(1, 11))
    assert outcome["positions"] == list(range(1, len(registered) - 9))
    assert Browser(cluster.base).get("/healthz")[0] == 200  # the other server carries on


def form_fields(html, form_id):
    """The values a browser would send for the form ``form_id``: inputs, text areas and selected options."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", id=form_id) or BeautifulSoup(html, "html.parser").form
    fields = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            fields[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            fields[name] = chosen.get("value", chosen.get_text()) if chosen else ""
        else:
            fields[name] = field.get("value", "")
    return fields
