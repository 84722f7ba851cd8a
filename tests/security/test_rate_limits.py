"""Every repeatable action has a limit, counted in the shared cache, refused with a translated page and
Retry-After (issue 18, item 7). Before, limits lived in each worker's memory, the refusals were an
English "Too Many Requests" page or a message, and reports and the deletion password had none."""

import datetime

import pytest
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse
from django.utils import timezone

from comments import services as comment_services
from draws.models import Draw
from portal import rate_limits
from tests.servers import Redis

pytestmark = pytest.mark.django_db
PASSWORD = "Long-enough-pass-42"


@pytest.fixture
def world(site_tree, archive, make_session, resident, district):
    workshop = site_tree["workshops"]["fr"]
    other = resident("Autrice", username="autrice")
    draw = Draw.objects.create(
        workshop=workshop, panel_size=4, closes_at=timezone.now() + datetime.timedelta(days=10), lottery_size=100
    )
    return {
        "workshop": workshop,
        "comment": comment_services.post(other, workshop, comment_services.Post(text="Un avis")),
        "recommendation": archive["recommendations"][0],
        "session": make_session(capacity=20),
        "draw": draw,
        "district": district,
    }


def registration(n=1):
    return {"name": "Nadia", "language": "fr", "old_enough": "on", "children": "0", "consent": "on",
            "email": f"nadia{n}@example.org"}  # fmt: skip


ACTIONS = {
    "comment": lambda w: (reverse("comments:post", args=[w["workshop"].pk]), {"text": "Bonjour"}),
    "question": lambda w: (reverse("comments:ask", args=[w["workshop"].pk]), {"text": "Quand ?"}),
    "report": lambda w: (reverse("comments:report", args=[w["comment"].pk]), {"reason": "spam"}),
    "endorsement": lambda w: (reverse("archive:endorse", args=[w["recommendation"].pk]), {"show_name": "on"}),
    "draw_application": lambda w: (
        reverse("draws:apply", args=[w["draw"].pk]),
        {"old_enough": "on", "district": w["district"].pk, "gender": "woman", "age": "30-44", "consent": "on"},
    ),
    "registration": lambda w: (f"/fr/sessions/{w['session'].pk}/", registration()),
    "deletion_password": lambda w: (reverse("accounts:delete"), {"password": "wrong"}),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_action_is_limited_with_a_translated_page_and_retry_after(client, world, resident, settings, action):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, action: {"user": "1/h", "ip": "1/h"}}
    client.force_login(resident("Sam", username="sam"))
    url, data = ACTIONS[action](world)
    assert client.post(url, data).status_code != 429
    refused = client.post(url, data)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Veuillez réessayer dans" in refused.content.decode()


def test_guests_are_limited_per_address_email_and_domain(client, world, settings):
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "guest_registration": {"ip": "100/h", "email": "1/h", "domain": "2/h"},
    }
    url = f"/fr/sessions/{world['session'].pk}/"
    assert client.post(url, registration(1)).status_code == 302
    assert client.post(url, registration(1)).status_code == 429  # the same address again
    assert client.post(url, registration(2)).status_code == 302
    assert client.post(url, registration(3)).status_code == 429  # a third from example.org
    other_domain = {**registration(4), "email": "lea@mairie.example"}
    assert client.post(url, other_domain).status_code == 302


def test_unrelated_visitors_are_not_refused(client, world, resident, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "comment": {"user": "1/h"}}
    url, data = ACTIONS["comment"](world)
    client.force_login(resident("Sam", username="sam"))
    client.post(url, data)
    client.force_login(resident("Léa", username="lea"))
    assert client.post(url, {"text": "Autre chose"}).status_code == 302


@pytest.fixture
def two_workers_on_one_redis(monkeypatch):
    """Two cache clients on one real Redis, as two gunicorn workers (or servers) hold: each request
    goes to the next one."""
    redis = Redis().start()
    workers = [RedisCache(redis.url, {}) for _ in range(2)]
    turn = iter(range(10**6))

    class Alternating:
        def __getattr__(self, name):
            return getattr(workers[next(turn) // 2 % 2], name)  # add and incr of one request on one worker

    monkeypatch.setattr(rate_limits, "cache", Alternating())
    yield workers
    redis.stop()


def test_the_count_is_shared_by_every_worker(client, world, resident, settings, two_workers_on_one_redis):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "draw_application": {"user": "3/h"}}
    client.force_login(resident("Sam", username="sam"))
    url, data = ACTIONS["draw_application"](world)
    statuses = []
    for _ in range(4):
        statuses.append(client.post(url, data).status_code)
        client.post(reverse("draws:withdraw", args=[world["draw"].pk]))
    assert statuses == [302, 302, 302, 429]


def test_failed_sign_ins_are_limited_with_a_message_beside_the_form(client, locales, settings):
    """allauth refuses a sign-in past its limit inside the form: the message is translated, the email kept."""
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "2/m/ip"}
    url = reverse("account_login").replace("/fr/", "/es/")
    for _ in range(2):
        client.post(url, {"login": "nadia@example.org", "password": "wrong"})
    response = client.post(url, {"login": "nadia@example.org", "password": "wrong"})
    assert "Demasiados intentos fallidos" in response.content.decode()
    assert 'value="nadia@example.org"' in response.content.decode()


@pytest.mark.parametrize(
    "name, data",
    [
        ("account_signup", {"email": "new{n}@example.org", "password1": PASSWORD, "password2": PASSWORD}),
        ("account_reset_password", {"email": "nobody@example.org"}),
    ],
)  # fmt: skip
def test_allauth_limits_end_on_the_same_translated_page(client, locales, settings, name, data):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "2/m/ip", "signup": "2/h/ip", "reset_password": "2/h/ip"}
    url = reverse(name).replace("/fr/", "/es/")
    responses = [client.post(url, {k: v.format(n=n) for k, v in data.items()}) for n in range(3)]
    assert [r.status_code for r in responses[:2]] != [429, 429]
    assert responses[2].status_code == 429
    assert "Vuelva a intentarlo dentro de" in responses[2].content.decode()
    assert int(responses[2]["Retry-After"]) > 0
