"""axe-core on every public page type and form state, in fr, en and es, at 1280 and 360 pixels.

The demo content is loaded once and every state is audited in one test, so the 36 seconds of
loading are paid once. The page types come from Wagtail's registry: a new page type with no live
page in the demo fails here, so it cannot escape the audit. Each view of the public site is listed
in VIEW_STATES by hand, with the states of its form.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from wagtail.models import Locale, Page, get_page_models

from archive import emails as archive_emails
from archive.models import Endorsement, RecommendationPage
from comments import emails as comment_emails
from comments.models import Kind, PortalComment
from draws.models import Draw
from registrations import tokens
from registrations.models import Registration
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, sign_in
from workshops.models import Session

LANGUAGES = ["fr", "en", "es"]
User = get_user_model()
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


def latest(model, **filters):
    return model.objects.filter(**filters).order_by("-pk").first()


def view_states(language):
    """The public views and their form states: (view name, state, address, what to do there, signed in?).

    An address may be a function, for objects an earlier state made (the comment just posted).
    """

    def at(view, **kwargs):
        return localized(view, language, **kwargs)

    session = next(s for s in Session.objects.filter(open_to_public=True) if s.registration_state() == "open")
    members_session = Session.objects.filter(open_to_public=False).order_by("start").first()
    draw = Draw.objects.first()
    camille = User.objects.get(email=RESIDENT)
    workshop = session.workshop.get_translation(Locale.objects.get(language_code=language))
    search = at("search")
    session_url = at("registrations:session", pk=session.pk)
    guest_email = f"guest-{language}@example.org"

    def guest_registration(purpose):
        return lambda: at(
            f"registrations:{purpose}",
            token=tokens.make_token(latest(Registration, email=guest_email), purpose),
        )

    def register_as_guest(page):
        form = page.locator("main form.form")
        form.locator("[name=name]").fill("Alex Martin")
        form.locator("[name=email]").fill(guest_email)
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

    def my_latest_comment(view):
        return lambda: at(view, pk=latest(PortalComment, user=camille, kind=Kind.COMMENT).pk)

    others_comment = (
        PortalComment.objects.filter(kind=Kind.COMMENT, status="published", user__isnull=False)
        .exclude(user=camille)
        .first()
    )
    unsubscribe_comment = comment_emails.unsubscribe_token(others_comment)
    endorsement = Endorsement.objects.first() or Endorsement.objects.create(
        user=camille,
        translation_key=RecommendationPage.objects.live().first().translation_key,
    )
    unsubscribe_endorsement = archive_emails.unsubscribe_token(endorsement.pk)
    account = "accounts:profile"
    return [
        ("search", "empty", search, None, False),
        ("search", "results", f"{search}?q=arbres", None, False),
        ("search", "nothing found", f"{search}?q=zzzzqqq", None, False),
        ("registrations:session", "guest form", session_url, None, False),
        ("registrations:session", "guest form with errors", session_url, submit, False),
        ("registrations:session", "after registering", session_url, register_as_guest, False),
        ("registrations:cancel", "cancel from the email", guest_registration("cancel"), None, False),
        ("registrations:cancel", "after cancelling", guest_registration("cancel"), submit, False),
        (
            "registrations:confirm",
            "a link that does not work",
            at("registrations:confirm", token="x"),
            None,
            False,
        ),
        (
            "registrations:session",
            "members only",
            at("registrations:session", pk=members_session.pk),
            None,
            False,
        ),
        ("draws:detail", "open call", at("draws:detail", pk=draw.pk), None, False),
        ("account_login", "empty", at("account_login"), None, False),
        ("account_login", "with errors", at("account_login"), submit, False),
        ("account_signup", "empty", at("account_signup"), None, False),
        ("account_signup", "with errors", at("account_signup"), submit, False),
        ("account_reset_password", "empty", at("account_reset_password"), None, False),
        ("account_reset_password", "with errors", at("account_reset_password"), submit, False),
        ("account_reset_password_done", "sent", at("account_reset_password_done"), None, False),
        (
            "account_email_verification_sent",
            "sent",
            at("account_email_verification_sent"),
            None,
            False,
        ),
        ("account_inactive", "page", at("account_inactive"), None, False),
        ("comments:unsubscribe", "asks", at("comments:unsubscribe", token=unsubscribe_comment), None, False),
        ("comments:unsubscribe", "done", at("comments:unsubscribe", token=unsubscribe_comment), submit, False),
        ("archive:unsubscribe", "asks", at("archive:unsubscribe", token=unsubscribe_endorsement), None, False),
        ("archive:unsubscribe", "done", at("archive:unsubscribe", token=unsubscribe_endorsement), submit, False),
        (account, "my space", localized(account, language), None, True),
        ("accounts:delete", "confirm", at("accounts:delete"), None, True),
        ("accounts:delete", "with errors", at("accounts:delete"), submit, True),
        ("registrations:erase", "confirm", at("registrations:erase"), None, True),
        ("account_email", "addresses", at("account_email"), None, True),
        ("account_change_password", "with errors", at("account_change_password"), submit, True),
        ("account_reauthenticate", "form", at("account_reauthenticate"), None, True),
        ("account_logout", "confirm", at("account_logout"), None, True),
        ("draws:apply", "empty", at("draws:apply", pk=draw.pk), None, True),
        ("draws:apply", "with errors", at("draws:apply", pk=draw.pk), submit, True),
        ("wagtail_serve", "workshop, comment form", workshop.url, None, True),
        ("comments:post", "comment with errors", workshop.url, send_empty_comment, True),
        ("comments:post", "after commenting", workshop.url, comment, True),
        ("comments:edit", "form", my_latest_comment("comments:edit"), None, True),
        ("comments:delete", "confirm", my_latest_comment("comments:delete"), None, True),
        ("comments:report", "form", at("comments:report", pk=others_comment.pk), None, True),
        ("comments:report", "with errors", at("comments:report", pk=others_comment.pk), submit, True),
        ("registrations:session", "signed in", session_url, None, True),
    ]


# Every view of the public site under a language prefix is audited above or named here with why not.
NOT_PAGES = {
    "accounts:export": "JSON download",
    "archive:endorse": "POST, then back to the recommendation (audited there)",
    "archive:resume": "redirect after signing in",
    "archive:withdraw": "POST, then back to the recommendation",
    "comments:api": "JSON",
    "comments:ask": "POST from the workshop page (its form states are audited there)",
    "comments:like": "POST, then back to the comment",
    "comments:permalink": "redirect to the comment on its page",
    "draws:audit": "JSON download",
    "draws:lottery": "JSON download",
    "draws:withdraw": "POST, then back to the draw",
    "registrations:cancel_mine": "POST, then back to the session",
    "registrations:session_calendar": "iCalendar file",
    "registrations:upcoming_calendar": "iCalendar file",
    "registrations:workshop_calendar": "iCalendar file",
    "search_suggestions": "JSON for the search box",
    "account_confirm_email": "allauth's link: confirms and redirects",
    "account_confirm_login_code": "sign-in by code is off (ACCOUNT_LOGIN_BY_CODE_ENABLED)",
    "account_confirm_reauthentication_code": "sign-in by code is off",
    "account_request_reauthentication_code": "sign-in by code is off",
    "account_reset_password_from_key": "redirects to the same form with the key in the session",
    "account_reset_password_from_key_done": "a message page of allauth's, as account_reset_password_done",
    "account_set_password": "residents always have a password: redirects to change it",
    "wagtailcore_authenticate_with_password": "no page is password-protected (the portal uses sign-in restrictions)",
    "wagtailcore_login": "redirects to account_login",
}


def language_prefixed_views():
    def walk(patterns, namespace=None, prefixed=False):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
                yield from walk(
                    pattern.url_patterns, inner, prefixed or isinstance(pattern.pattern, LocalePrefixPattern)
                )
            elif prefixed and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


AUDITED_VIEWS = {
    "search",
    "wagtail_serve",
    "registrations:session",
    "registrations:cancel",
    "registrations:confirm",
    "registrations:erase",
    "draws:detail",
    "draws:apply",
    "comments:post",
    "comments:edit",
    "comments:delete",
    "comments:report",
    "comments:unsubscribe",
    "archive:unsubscribe",
    "accounts:profile",
    "accounts:delete",
    "account_login",
    "account_logout",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_inactive",
    "account_email",
    "account_change_password",
    "account_reauthenticate",
}


@pytest.mark.django_db  # not a browser test: it reads the URL configuration, so both passes run it
def test_every_public_view_is_audited_or_says_why_not():
    """A new view of the public site fails here until it gets an axe case (or a reason not to)."""
    missing_views = language_prefixed_views() - AUDITED_VIEWS - set(NOT_PAGES)
    assert not missing_views, f"public views with no accessibility case: {sorted(missing_views)}"
    assert not (AUDITED_VIEWS & set(NOT_PAGES))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_public_page_type_and_form_state_passes_axe(open_browser, live_server, capsys):
    call_command("load_initial_data", verbosity=0)
    pages, missing_types = page_type_states()
    assert not missing_types, f"page types with no live page to audit in the demo: {missing_types}"

    visitor, resident = open_browser(), open_browser()
    sign_in(resident, RESIDENT, PASSWORD)
    states = [("wagtail_serve", name, language, url, None, False) for name, language, url, _ in pages]
    for language in LANGUAGES:
        states += [(view, state, language, *rest) for view, state, *rest in view_states(language)]
    assert {view for view, *_ in states} == AUDITED_VIEWS, "AUDITED_VIEWS must say what this test visits"

    covered, failures = [], []
    for view, name, language, url, action, signed_in in states:
        name = f"{view}: {name}"
        page = resident if signed_in else visitor
        page.set_viewport_size(DESKTOP)
        url = url() if callable(url) else url
        response = page.goto(url)
        assert response.status < 500, f"{name} ({language}) answered {response.status} at {url}"
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
