"""Real-browser tests: Debian's Chromium driven by Playwright for Python against a live server.

Chromium is never downloaded (`playwright install` cannot work here): the tests use the one at
CHROMIUM (default /usr/bin/chromium) and skip loudly without it, or fail under CI's flag. The
accessibility audits inject axe-core from node_modules (`npm ci` installs the version pinned in
package.json). These tests run in the SQLite pass of CI; the PostgreSQL pass skips them (root
conftest), since what they test is the interface, not the database.
"""

import datetime
import os
import re
import shutil
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from tests import factories
from tests.archive.conftest import archive  # noqa: F401  (the archive journeys use its recommendations)
from tests.browser.chromium import CHROMIUM, CHROMIUM_FLAGS
from tests.skipping import missing

# Playwright's synchronous API runs an event loop in the test's thread; the ORM calls the tests
# make between two clicks are still synchronous, so Django's guard against async contexts is lifted.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker):
    """The rows the migrations made (locales, groups, the root page), as the test database was set up."""
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def base_rows(request, migrated_rows):
    """Once Playwright's event loop runs, Django may hand a test a new connection object, which lacks
    the copy of the migrated rows that ``serialized_rollback`` restores after each flush: give it."""
    from django.db import connection

    if migrated_rows and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = migrated_rows


@pytest.fixture(scope="session")
def chromium(migrated_rows):
    """One Chromium for the run; each test opens its own contexts (fresh, empty profiles)."""
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        missing(f"CHROMIUM MISSING at {CHROMIUM}: install Debian's chromium package (CI does)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("PLAYWRIGHT MISSING: pip install -r requirements-test.txt")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def open_browser(chromium, live_server):
    """``open_browser(width=…, javascript=True)``: a new person's browser on the live server.

    Whatever the test does, the Content-Security-Policy must refuse nothing the portal itself
    sends (the admin included): a refusal reported by the browser fails the test.
    """
    contexts, refused = [], []

    def make(viewport=DESKTOP, javascript=True, language="fr"):
        context = chromium.new_context(
            base_url=live_server.url, viewport=viewport, java_script_enabled=javascript, locale=language
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
        )
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            page.goto("about:blank")  # let the live server finish what the page asked of it
        context.close()
    assert not refused, "the Content-Security-Policy refused: " + "\n".join(refused[:5])


def sign_in(page, email, password="a-strong-password-1"):
    """Through the sign-in form, as a resident would."""
    page.goto("/fr/accounts/login/")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe", exact=False).first.fill(password)
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()


def last_link(to, pattern):
    """The last link matching ``pattern`` in the last email sent to ``to``, as a path."""
    messages = [message for message in mail.outbox if to in message.to]
    assert messages, f"no email to {to}"
    found = re.findall(pattern, messages[-1].body)
    assert found, f"no link matching {pattern} in: {messages[-1].body}"
    return re.sub(r"^https?://[^/]+", "", found[-1])


def axe_violations(page, width):
    """axe-core's violations of WCAG 2.1 A and AA, plus target-size, on the page as it is now."""
    if not AXE.exists():
        missing(f"AXE-CORE MISSING at {AXE}: run `npm ci` (make test does when npm is installed)")
    page.set_viewport_size({"width": width, "height": 800})
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())  # through DevTools: the page's CSP refuses an inline <script>
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            rules: {"target-size": {enabled: true}},
            resultTypes: ["violations"],
        })"""
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


@pytest.fixture
def session_with_two_seats(site_tree):
    start = timezone.now() + datetime.timedelta(days=10)
    return factories.SessionFactory(
        workshop=site_tree["workshops"]["fr"],
        capacity=2,
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_opens_at=timezone.now() - datetime.timedelta(days=1),
        childcare_places=0,
        residents_only=False,
        titles={"fr": "Séance de travail", "en": "Working session"},
    )
