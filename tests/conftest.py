import os

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from wagtail.models import Locale, Page, Site

from tests import factories
from workshops.models import District


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}; search backend: {settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']}"


def pytest_configure(config):
    """CI sets PORTAL_EXPECT_DATABASE so a misconfigured run cannot pass on the wrong database."""
    expected = os.environ.get("PORTAL_EXPECT_DATABASE")
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if expected and expected != engine:
        raise pytest.UsageError(f"PORTAL_EXPECT_DATABASE={expected} but the tests would run on {engine}")


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests (real parallel transactions) skip loudly elsewhere; CI runs them in its
    PostgreSQL pass. Browser tests test the interface and the draw engine's long runs use no
    database: both run in the SQLite pass only."""
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        reasons = {
            "browser": "BROWSER TEST: runs in the SQLite pass (CI's first), on the same code",
            "engine": "DRAW ENGINE ALONE, NO DATABASE: runs in the SQLite pass (CI's first), on the same code",
        }
    else:
        reasons = {"postgres": "NEEDS POSTGRESQL: run with DATABASE_URL=postgres://… (CI's second pass does)"}
    for item in items:
        for marker, reason in reasons.items():
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as ids and versions repeat from one test to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def uncached(settings):
    """Pages rendered every time: for tests that count what a page costs to build."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def counted_pages_are_built(request):
    """A test counting queries counts what building the page costs, not a hit in the page cache."""
    if {"django_assert_num_queries", "django_assert_max_num_queries"} & set(request.fixturenames):
        request.getfixturevalue("uncached")


@pytest.fixture
def locales(db):
    fr = Locale.objects.get(language_code="fr")
    return {
        "fr": fr,
        "en": Locale.objects.get_or_create(language_code="en")[0],
        "es": Locale.objects.get_or_create(language_code="es")[0],
    }


def translate(page, locale, **fields):
    """Translate and publish ``page`` the way an editor would, with ``fields`` changed."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    translation.save_revision().publish()
    return translation


@pytest.fixture
def site_tree(locales):
    """A home page in fr/en/es with a workshop index and one workshop translated into English only."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="accueil")
    Site.objects.update(root_page=home, hostname="localhost", port=80)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    homes = {"fr": home}
    homes["en"] = translate(home, locales["en"], title="Home", slug="home-en")
    homes["es"] = translate(home, locales["es"], title="Inicio", slug="inicio")

    index = factories.WorkshopIndexPageFactory(parent=home, slug="ateliers")
    indexes = {"fr": index}
    indexes["en"] = translate(index, locales["en"], title="Workshops", slug="workshops")
    indexes["es"] = translate(index, locales["es"], title="Talleres", slug="talleres")

    theme = factories.ThemeFactory(locale=locales["fr"])
    workshop = factories.WorkshopPageFactory(parent=index, slug="ville-fraiche", title="Ville fraîche", theme=theme)
    theme_en = theme.copy_for_translation(locales["en"])
    theme_en.name = "Climate"
    theme_en.save()
    workshops = {"fr": workshop}
    workshops["en"] = translate(workshop, locales["en"], title="Cool city", slug="cool-city", theme=theme_en)
    return {"homes": homes, "indexes": indexes, "workshops": workshops, "locales": locales}


@pytest.fixture
def resident(db):
    """A maker of signed-up residents with a verified email: ``resident("Sam", "es", username=…)``."""

    def make(name="Camille", language="fr", **fields):
        user = factories.UserFactory(display_name=name, preferred_language=language, **fields)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def district(site_tree):
    territory = factories.TerritoryFactory(locale=site_tree["locales"]["fr"])
    return District.objects.create(name="Berriat", territory=territory, locale=site_tree["locales"]["fr"])
