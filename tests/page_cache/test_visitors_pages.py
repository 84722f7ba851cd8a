"""Whole pages for visitors from the cache: served again, and never stale after a change."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts import services as accounts
from archive import endorsing
from portal import versions
from registrations import services
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db


def seats_left(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".seats-left").get_text(strip=True)


def registration_data(**fields):
    data = {"name": "Nadia", "email": "nadia@example.org", "language": "fr", "old_enough": "on"}
    return {**data, "children": "0", "consent": "on", **fields}


def test_a_visitor_gets_the_page_from_the_cache_the_second_time(client, workshop):
    first = client.get(workshop.url)
    second = client.get(workshop.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=0"
    assert second["ETag"] and second["Last-Modified"] and second["Content-Type"].startswith("text/html")
    assert not second.cookies


def test_a_hit_costs_no_query(client, workshop, django_assert_num_queries, settings):
    client.get(workshop.url)
    settings.PAGE_CACHE_SECONDS = 600  # the query counting fixture switched the cache off
    client.get(workshop.url)
    with django_assert_num_queries(0):
        assert client.get(workshop.url)["X-Page-Cache"] == "hit"


def test_the_etag_answers_a_revalidation_with_not_modified(client, workshop):
    etag = client.get(workshop.url)["ETag"]
    response = client.get(workshop.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
    assert client.get(workshop.url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_seats_left_change_on_the_cached_pages_at_once(client, make_session):
    session = make_session(capacity=5)
    address = f"/fr/sessions/{session.pk}/"
    client.get(address), client.get(session.workshop.url)
    assert client.get(address)["X-Page-Cache"] == "hit"
    assert seats_left(client.get(address)) == "5 places restantes."

    other = Client()
    other.post(address, registration_data(), HTTP_ORIGIN="http://testserver")  # a guest, from another browser
    assert seats_left(client.get(address)) == "4 places restantes."
    assert "4 places restantes" in client.get(session.workshop.url).content.decode()

    registration = services.register(session, guest(1))
    assert seats_left(client.get(address)) == "3 places restantes."
    services.cancel(registration)
    assert seats_left(client.get(address)) == "4 places restantes."


def test_a_cached_page_ends_when_its_session_closes_registration(client, make_session):
    closes = timezone.now() + datetime.timedelta(minutes=3)
    session = make_session(registration_closes_at=closes)
    response = client.get(f"/fr/sessions/{session.pk}/")
    assert response["X-Page-Cache"] == "miss"
    from django.core.cache import cache

    from portal.page_cache import key_for

    stored = cache.get(key_for(response.wsgi_request))
    assert abs(stored["until"] - closes.timestamp()) < 1


def test_publishing_shows_the_new_version_at_once(client, workshop):
    client.get(workshop.url), client.get(workshop.url)
    workshop.title = "Ville plus fraîche"
    workshop.save_revision().publish()
    response = client.get(workshop.url)
    assert response["X-Page-Cache"] == "miss" and "Ville plus fraîche" in response.content.decode()


def test_unpublishing_leaves_no_cached_copy(client, workshop):
    client.get(workshop.url)
    url = workshop.url
    workshop.unpublish()
    assert client.get(url).status_code == 404


def test_a_comment_and_its_moderation_show_at_once(client, workshop, say, resident):
    client.get(workshop.url)
    comment = say(resident("Camille"), "Plus d'arbres rue Lesdiguières")
    assert "Plus d&#x27;arbres rue Lesdiguières" in client.get(workshop.url).content.decode()
    from comments import services as comments

    comments.delete(comment.user, comment)
    assert "Lesdiguières" not in client.get(workshop.url).content.decode()


def test_a_deleted_account_loses_its_name_on_cached_pages(client, workshop, say, resident):
    author = resident("Camille")
    say(author, "Des fontaines")
    assert "Camille" in client.get(workshop.url).content.decode()
    accounts.delete_account(author)
    page = client.get(workshop.url).content.decode()
    assert "Camille" not in page and "Des fontaines" in page


def test_a_view_restricted_page_is_never_stored(client, workshop):
    PageViewRestriction.objects.create(page=workshop, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(workshop.url)
    assert response.status_code == 302 and response["X-Page-Cache"] == "pass"
    PageViewRestriction.objects.all().delete()
    assert client.get(workshop.url)["X-Page-Cache"] == "miss"
    PageViewRestriction.objects.create(page=workshop, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(workshop.url).status_code == 302  # the stored copy is not served past the restriction


def test_signed_in_residents_get_their_own_page_never_stored(client, workshop, resident):
    client.force_login(resident("Camille"))
    response = client.get(workshop.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "Camille" not in Client().get(workshop.url).content.decode()


def test_a_page_with_a_message_is_not_stored(client, make_session):
    session = make_session(capacity=5)
    address = f"/fr/sessions/{session.pk}/"
    response = client.post(address, registration_data(), HTTP_ORIGIN="http://testserver", follow=True)
    assert "nous vous avons envoyé un courriel" in response.content.decode()
    assert response.get("X-Page-Cache") is None  # not even looked up: the visitor has a message
    assert "nous vous avons envoyé un courriel" not in Client().get(address).content.decode()


def test_the_session_page_carries_no_token_nor_cookie_for_visitors(client, make_session):
    response = client.get(f"/fr/sessions/{make_session().pk}/")
    assert b"csrfmiddlewaretoken" not in response.content
    assert not response.cookies and response["X-Page-Cache"] == "miss"


def test_a_visitors_form_is_checked_by_origin(make_session):
    session = make_session(capacity=5)
    browser = Client(enforce_csrf_checks=True)
    address = f"/fr/sessions/{session.pk}/"
    assert browser.post(address, registration_data(), HTTP_ORIGIN="https://evil.example").status_code == 403
    assert browser.post(address, registration_data()).status_code == 403  # says nothing of where it comes from
    assert session.registrations.count() == 0
    sent = browser.post(address, registration_data(), HTTP_REFERER=f"http://testserver{address}")
    assert sent.status_code == 302 and session.registrations.count() == 1


def test_a_signed_in_residents_form_still_needs_its_token(make_session, resident):
    session = make_session(capacity=5)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident())
    address = f"/fr/sessions/{session.pk}/"
    assert browser.post(address, registration_data(), HTTP_ORIGIN="http://testserver").status_code == 403
    token = BeautifulSoup(browser.get(address).content, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})
    sent = browser.post(address, registration_data(csrfmiddlewaretoken=token["value"]), HTTP_ORIGIN="http://testserver")
    assert sent.status_code == 302 and session.registrations.count() == 1


def test_hosts_headers_and_query_strings_never_mix_variants(client, workshop):
    plain = client.get(workshop.url)
    notice = client.get(workshop.url + "?untranslated=1")
    assert notice["X-Page-Cache"] == "miss" and b"not available in this language" not in plain.content
    assert notice.content != plain.content
    assert client.get(workshop.url)["ETag"] == plain["ETag"]
    forwarded = client.get(workshop.url, HTTP_X_FORWARDED_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https")
    assert b"evil.example" not in forwarded.content and forwarded["ETag"] == plain["ETag"]
    assert client.get(workshop.url, HTTP_HOST="evil.example").status_code == 400
    other_host = client.get(workshop.url, HTTP_HOST="127.0.0.1")
    assert other_host["X-Page-Cache"] == "miss"  # its own entry: links in it may name its host


def test_endorsements_show_at_once_on_the_recommendation(client, archive, resident):
    page = archive["recommendations"][0]
    client.get(page.url)
    endorsing.endorse(resident("Santiago"), page)
    text = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("#endorsements").get_text(" ")
    assert "Santiago" in text


def test_pages_name_what_they_follow_and_changes_are_announced(
    client, make_session, django_capture_on_commit_callbacks
):

    session = make_session(capacity=5)
    tags = client.get(f"/fr/sessions/{session.pk}/")["Cache-Tag"].split(",")
    assert {"pages", "sessions"} <= set(tags)
    announced = []

    def purge(sender, name, **kwargs):
        announced.append(name)

    versions.bumped.connect(purge)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.register(session, guest(7))
    finally:
        versions.bumped.disconnect(purge)
    assert "sessions" in announced
