"""What a hurried or unusual browser does: no JavaScript, double clicks, the back button, a phone
of 320 pixels and a word longer than the screen."""

import re

import pytest
from django.core import mail

from archive.models import Endorsement
from comments.models import PortalComment
from registrations.models import Registration
from tests.browser.conftest import DESKTOP, sign_in
from tests.browser.test_journeys import PASSWORD, french, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def signed_in(open_browser, resident):
    def make(name, javascript=True):
        user = resident(name, "en", username=name.lower())
        page = open_browser(javascript=javascript)
        sign_in(page, user.email, PASSWORD)
        return user, page

    return make


def comment_on(page, workshop, text):
    page.goto(workshop.url)
    page.get_by_label("Your comment").fill(text)
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()


def endorse(page, recommendation):
    page.goto(recommendation.url)
    button = page.locator("#endorsements").get_by_role("button", name=french("Endorse this recommendation"))
    button.click()
    page.wait_for_load_state()


def test_registering_commenting_and_endorsing_work_without_javascript(
    signed_in, open_browser, session_with_two_seats, site_tree, archive
):
    user, page = signed_in("Nadia", javascript=False)
    register(page, session_with_two_seats)
    assert "You are registered for this session." in page.locator("main").inner_text()
    assert Registration.objects.filter(user=user, status="confirmed").count() == 1

    comment_on(page, site_tree["workshops"]["en"], "Works with scripts off.")
    assert "Works with scripts off." in page.locator("#comments").inner_text()

    endorse(page, archive["recommendations"][0])
    assert Endorsement.objects.filter(user=user).count() == 1

    guest = open_browser(javascript=False)
    guest.goto(f"/en/sessions/{session_with_two_seats.pk}/")
    guest.get_by_label("Your name").fill("Omar Guest")
    guest.get_by_label("Your email address").fill("omar@example.org")
    guest.get_by_label("I am 16 or older.").check()
    guest.get_by_label(starting_with("I agree that the City keeps these details")).check()
    guest.get_by_role("button", name="Register").click()
    guest.wait_for_load_state()
    assert any("omar@example.org" in message.to for message in mail.outbox)


def starting_with(prefix):
    """A label found by its first words (the consent's sentence goes on)."""
    return re.compile("^" + re.escape(prefix))


def impatient_clicks(page, button, address):
    """Click, and click again while the first request has reached the server but its answer has
    not come back yet: what a person does on a slow connection. Returns the POSTs the server got."""
    delivered = []

    def slow(route):
        delivered.append(route.fetch())  # the server has it; the browser still waits
        if len(delivered) > 1:
            route.fulfill(response=delivered[-1])
        else:
            first.append(route)

    first = []
    page.route(address, slow)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)  # the mouse itself: a real click, which does not wait for the page
    page.wait_for_timeout(700)
    page.mouse.click(x, y)
    page.wait_for_timeout(700)
    for route in first:
        try:
            route.fulfill(response=delivered[0])
        except Exception:  # the browser gave up the first request for the second
            pass
    page.unroute(address)
    page.wait_for_load_state()
    return len(delivered)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_second_click_makes_one_registration_one_comment_one_endorsement(
    signed_in, session_with_two_seats, site_tree, archive, javascript
):
    """With JavaScript the second click sends nothing; without, the server gets both and keeps one."""
    user, page = signed_in("Pia", javascript=javascript)
    sent = []
    page.goto(f"/en/sessions/{session_with_two_seats.pk}/")
    page.get_by_label("I am 16 or older.").check()
    page.get_by_label(starting_with("I agree that the City keeps these details")).check()
    sent.append(impatient_clicks(page, page.get_by_role("button", name="Register"), "**/sessions/*/"))

    page.goto(site_tree["workshops"]["en"].url)
    page.get_by_label("Your comment").fill("Said once, clicked twice.")
    sent.append(impatient_clicks(page, page.get_by_role("button", name="Publish"), "**/comments/page/*/post/"))

    page.goto(archive["recommendations"][0].url)
    button = page.locator("#endorsements").get_by_role("button", name=french("Endorse this recommendation"))
    sent.append(impatient_clicks(page, button, "**/archive/*/endorse/"))

    assert sent == ([1, 1, 1] if javascript else [2, 2, 2])
    assert Registration.objects.filter(user=user).count() == 1
    assert PortalComment.objects.filter(user=user).count() == 1
    assert Endorsement.objects.filter(user=user).count() == 1


def test_the_back_button_after_a_comment_does_not_send_it_again(signed_in, site_tree):
    user, page = signed_in("Quinn")
    comment_on(page, site_tree["workshops"]["en"], "Only once, even after going back.")
    page.go_back()
    page.wait_for_load_state()
    page.reload()
    page.wait_for_load_state()
    assert PortalComment.objects.filter(user=user).count() == 1


def test_a_very_long_word_does_not_widen_the_page_at_320_pixels(signed_in, site_tree):
    user, page = signed_in("Rosa")
    word = "Anticonstitutionnellement" * 12
    comment_on(page, site_tree["workshops"]["en"], f"{word} and more.")
    page.set_viewport_size({"width": 320, "height": 700})
    page.reload()
    assert word in page.locator("#comments").inner_text().replace("\n", "")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size(DESKTOP)
