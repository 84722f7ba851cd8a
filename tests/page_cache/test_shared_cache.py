"""The page cache on a real Redis, and what happens when Redis goes away."""

import logging

import pytest
from django.test import Client

from registrations import services
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db


def test_pages_come_from_redis_and_stay_true(redis_cache, make_session):
    session = make_session(capacity=4)
    address = f"/fr/sessions/{session.pk}/"
    assert Client().get(address)["X-Page-Cache"] == "miss"
    assert Client().get(address)["X-Page-Cache"] == "hit"
    services.register(session, guest(1))
    fresh = Client().get(address)
    assert fresh["X-Page-Cache"] == "miss" and "3 places restantes" in fresh.content.decode()


def test_with_redis_down_pages_are_served_uncached_and_the_fault_logged(redis_cache, make_session, caplog):
    session = make_session(capacity=4)
    address = f"/fr/sessions/{session.pk}/"
    Client().get(address)
    redis_cache.stop()
    from portal.cache import ResilientRedisCache

    ResilientRedisCache.last_logged = 0.0
    with caplog.at_level(logging.ERROR, logger="portal.cache"):
        response = Client().get(address)
        services.register(session, guest(1))  # its version bump is lost with Redis: nothing breaks
        again = Client().get(address)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert again.status_code == 200 and "3 places restantes" in again.content.decode()
    assert "Cache unavailable" in caplog.text
    health = Client().get("/healthz")
    assert health.status_code == 200
    checks = {"database": "ok", "cache": "failing", "emails": "ok", "search": "ok"}
    assert health.json() == {"status": "degraded", "checks": checks}


def test_health_says_ok_when_everything_answers(redis_cache, db):
    response = Client().get("/healthz")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    checks = {"database": "ok", "cache": "ok", "emails": "ok", "search": "ok"}
    assert response.json() == {"status": "ok", "checks": checks}


def test_health_says_degraded_when_emails_are_stuck(db):
    from datetime import timedelta

    from django.utils import timezone

    from outbox.models import Email

    Email.objects.create(kind="comment_reply", next_attempt_at=timezone.now() - timedelta(hours=2))
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded" and response.json()["checks"]["emails"] == "failing"


def test_a_hit_costs_one_round_trip_to_redis(client, redis_cache, make_session):
    import redis

    server = redis.Redis.from_url(redis_cache.url)
    address = f"/fr/sessions/{make_session().pk}/"
    client.get(address), client.get(address)  # stored, then read once: this server knows what it follows

    def commands():
        return server.info("stats")["total_commands_processed"]

    before = commands()
    assert client.get(address)["X-Page-Cache"] == "hit"
    assert commands() - before - 1 == 1  # one MGET: the page and its versions (the INFO itself is the other)
