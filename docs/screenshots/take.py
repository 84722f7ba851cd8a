"""`make screenshots`: the main pages of the demo at desktop and phone width, as PNGs in this folder.

A fresh demo (SQLite, database search) is built in a temporary folder and served by Django's
development server; Debian's Chromium (CHROMIUM, default /usr/bin/chromium) is driven by
Playwright for Python, as in the browser tests. Nothing is downloaded.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from tests.servers import free_port, wait_for_url  # noqa: E402

OUT = Path(__file__).resolve().parent
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 780}}
# name, address (or how to find it), whether the phone shot shows the menu unfolded
PAGES = [
    ("home", "/fr/", False),
    ("menu", "/fr/", True),
    ("workshop", "/fr/ateliers/ville-plus-fraiche/", False),
    ("session", "session", False),
    ("draw", "/fr/draws/1/", False),
    ("archive", "/fr/recommandations/", False),
    ("recommendation", "recommendation", False),
    ("impact", "/fr/impact/", False),
    ("search", "/fr/search/?q=arbres", False),
]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def first_address(env, what):
    """The address of the first open session or recommendation of the demo, asked of Django."""
    code = {
        "session": "from workshops.models import Session; from registrations.services import *; "
        "print(next(s for s in Session.objects.order_by('start') if s.registration_state() == 'open')"
        ".get_absolute_url())",
        "recommendation": "from archive.models import RecommendationPage; "
        "print(RecommendationPage.objects.live().filter(locale__language_code='fr').first().url)",
    }[what]
    found = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    )
    return found.stdout.strip().splitlines()[-1]


def main():
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
            "DJANGO_MEDIA_ROOT": f"{folder}/media",
            "WAGTAILADMIN_BASE_URL": base,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        }
        print("Building the demo (about a minute)…")
        manage(env, "migrate", "--noinput")
        manage(env, "load_initial_data")
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_url(f"{base}/healthz")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                for name, address, unfold in PAGES:
                    if not address.startswith("/"):
                        address = first_address(env, address)
                    for width_name, viewport in WIDTHS.items():
                        if unfold and width_name == "desktop":
                            continue
                        page = browser.new_page(viewport=viewport, base_url=base, locale="fr")
                        page.goto(address)
                        if unfold:
                            page.get_by_text("Menu", exact=True).click()
                        target = OUT / f"{name}-{width_name}.png"
                        page.screenshot(path=target, full_page=not unfold)
                        print(f"  {target.relative_to(ROOT)}")
                        page.close()
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
