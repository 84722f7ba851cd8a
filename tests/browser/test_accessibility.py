"""axe-core on every public page type and form state, in fr, en and es, at 1280 and 360 pixels.

The demo content is loaded once and every state is audited in one test, so the 36 seconds of
loading are paid once. The page types come from Wagtail's registry: a new page type with no live
page in the demo fails here, so it cannot escape the audit. Each view of the public site is listed
in VIEW_STATES by hand, with the states of its form.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, get_page_models

from draws.models import Draw
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, sign_in
from workshops.models import Session

pytestmark = pytest.mark.browser
LANGUAGES = ["fr", "en", "es"]
RESIDENT = "camille@example.org"
PASSWORD = "demo-resident-pass"


def localized(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def submit(page):
    """Send the main form as it is (empty or half-filled): the state with errors."""
    page.locator("main form:not(.search-form) [type=submit]").first.click()
    page.wait_for_load_state()


def page_type_states():
    """One live page of each type, in each language (Wagtail's root page type excepted)."""
    states, missing_types = [], []
    for model in get_page_models():
        if model is Page:
            continue
        for language in LANGUAGES:
            found = model.objects.live().filter(locale__language_code=language).first()
            if found is None:
                missing_types.append(f"{model.__name__} ({language})")
            else:
                states.append((f"{model.__name__}", language, found.url, None))
    return states, missing_types


def view_states(language):
    """The public views and their form states: (name, address, what to do there, signed in?)."""
    session = next(s for s in Session.objects.filter(open_to_public=True) if s.registration_state() == "open")
    members_session = Session.objects.filter(open_to_public=False).order_by("start").first()
    draw = Draw.objects.first()
    workshop = session.workshop.get_translation(session.workshop.locale.__class__.objects.get(language_code=language))
    search = localized("search", language)
    session_url = localized("registrations:session", language, pk=session.pk)

    def register_as_guest(page):
        form = page.locator("main form.form")
        form.locator("[name=name]").fill("Alex Martin")
        form.locator("[name=email]").fill(f"guest-{language}@example.org")
        if form.locator("select[name=district]").count():
            form.locator("select[name=district]").select_option(index=1)
        for box in form.locator("input[type=checkbox]").all():
            box.check()
        submit(page)
        assert page.locator(".errorlist").count() == 0, page.locator(".errorlist").all_inner_texts()

    def send_empty_comment(page):
        page.locator("form.comment-form [type=submit]").first.click()
        page.wait_for_load_state()

    def comment(page):
        page.locator("form.comment-form textarea").first.fill(f"Une remarque de test ({language}).")
        page.locator("form.comment-form [type=submit]").first.click()
        page.wait_for_load_state()

    return [
        ("search, empty", search, None, False),
        ("search, results", f"{search}?q=arbres", None, False),
        ("search, nothing found", f"{search}?q=zzzzqqq", None, False),
        ("session, guest form", session_url, None, False),
        ("session, guest form with errors", session_url, submit, False),
        ("session, after registering", session_url, register_as_guest, False),
        ("session for members only", localized("registrations:session", language, pk=members_session.pk), None, False),
        ("draw", localized("draws:detail", language, pk=draw.pk), None, False),
        ("sign in", localized("account_login", language), None, False),
        ("sign in with errors", localized("account_login", language), submit, False),
        ("sign up", localized("account_signup", language), None, False),
        ("sign up with errors", localized("account_signup", language), submit, False),
        ("password reset", localized("account_reset_password", language), None, False),
        ("password reset with errors", localized("account_reset_password", language), submit, False),
        ("my space", localized("accounts:profile", language), None, True),
        ("delete my account", localized("accounts:delete", language), None, True),
        ("draw application", localized("draws:apply", language, pk=draw.pk), None, True),
        ("draw application with errors", localized("draws:apply", language, pk=draw.pk), submit, True),
        ("workshop, signed in, comment form", workshop.url, None, True),
        ("workshop, comment with errors", workshop.url, send_empty_comment, True),
        ("workshop, after commenting", workshop.url, comment, True),
        ("session, signed in", session_url, None, True),
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_public_page_type_and_form_state_passes_axe(open_browser, live_server, capsys):
    call_command("load_initial_data", verbosity=0)
    pages, missing_types = page_type_states()
    assert not missing_types, f"page types with no live page to audit in the demo: {missing_types}"

    visitor, resident = open_browser(), open_browser()
    sign_in(resident, RESIDENT, PASSWORD)
    covered, failures = [], []
    states = [(name, language, url, None, False) for name, language, url, _ in pages]
    for language in LANGUAGES:
        states += [(name, language, url, action, signed_in) for name, url, action, signed_in in view_states(language)]
    for name, language, url, action, signed_in in states:
        page = resident if signed_in else visitor
        page.set_viewport_size(DESKTOP)
        response = page.goto(url)
        assert response.status < 400, f"{name} ({language}) answered {response.status} at {url}"
        if action:
            try:
                action(page)
            except Exception as error:
                raise AssertionError(f"{name} ({language}) at {url}: {error}") from error
        assert page.evaluate("document.documentElement.lang") == language, f"{name} is not in {language}"
        for viewport in (DESKTOP, PHONE):
            for violation in axe_violations(page, viewport["width"]):
                failures.append(f"{name} [{language}, {viewport['width']} px] {page.url}: {violation}")
            if viewport is PHONE:
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if overflow > 0:
                    failures.append(f"{name} [{language}, 360 px] {page.url}: {overflow} px wider than the screen")
        covered.append(f"{name} [{language}]")
    with capsys.disabled():
        print(f"\naxe-core audited {len(covered)} page states at 1280 and 360 px: " + ", ".join(covered))
    assert not failures, "\n".join(failures)
