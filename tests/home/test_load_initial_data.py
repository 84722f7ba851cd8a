"""The demo loader builds the whole programme in three languages, and a second run changes nothing."""

from io import StringIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from workshops.models import CouncilPage, Session, WorkshopPage

LANGUAGES = ["fr", "en", "es"]


def snapshot():
    """Row counts of every model of ours and Wagtail's, and each page's latest revision."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    return counts, revisions


def test_the_demo(db, client, django_capture_on_commit_callbacks):
    """Loading the demo takes a minute, so one load serves every check (each a function below)."""
    out = StringIO()
    call_command("load_initial_data", stdout=out)
    demo_is_complete_in_every_language()
    every_demo_page_renders_in_its_language(client)
    demo_users_and_their_roles(out.getvalue())
    demo_pages_are_in_the_search_index()
    open_demo_sessions_welcome_people_from_elsewhere()
    the_archive_is_filled_in_every_language()
    the_city_is_branded_with_its_footer_in_every_language(client)
    consent_forms_link_the_privacy_notice_with_the_real_retention_periods(client)
    demo_translations_are_wagtail_localize_translations(django_capture_on_commit_callbacks)


def test_a_second_run_changes_nothing_and_the_site_follows_the_address_served(db, settings):
    from django.contrib.sites.models import Site as DjangoSite

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8101"
    call_command("load_initial_data", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    django_site = DjangoSite.objects.get_current()
    assert django_site.domain == "127.0.0.1:8101" and django_site.name == settings.WAGTAIL_SITE_NAME

    before = snapshot()
    out = StringIO()
    call_command("load_initial_data", stdout=out)
    assert snapshot() == before
    assert "0 objects created" in out.getvalue()


def consent_forms_link_the_privacy_notice_with_the_real_retention_periods(client):
    import re

    from django.conf import settings

    session = next(s for s in Session.objects.filter(open_to_public=True) if s.registration_state() == "open")
    for code in LANGUAGES:
        form_page = client.get(f"/{code}/sessions/{session.pk}/").content.decode()
        notice_url = re.search(r'class="form__privacy">[^<]*<a href="([^"]+)"', form_page).group(1)
        notice = client.get(notice_url).content.decode()
        assert f'lang="{code}"' in notice
        for days in (settings.COMMENT_ADDRESS_RETENTION_DAYS, settings.DRAW_POOL_RETENTION_DAYS):
            assert f"{days} " in notice, (code, days)


def demo_is_complete_in_every_language():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    for code in LANGUAGES:
        assert WorkshopPage.objects.live().filter(locale__language_code=code).count() == 3
        assert CouncilPage.objects.live().filter(locale__language_code=code).count() >= 2
    assert not Page.objects.filter(depth__gt=1, live=False).exists()
    statuses = set(WorkshopPage.objects.values_list("status", flat=True))
    assert len(statuses) == 3
    for workshop in WorkshopPage.objects.filter(locale__language_code="fr"):
        assert Session.objects.of_workshop(workshop).count() == 4
        assert workshop.drawn_seats == 17 and workshop.total_seats == 30
    for session in Session.objects.prefetch_related("texts__locale"):
        assert {text.locale.language_code for text in session.texts.all()} == set(LANGUAGES)


def every_demo_page_renders_in_its_language(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{page.locale.language_code}">' in response.content.decode()


def demo_users_and_their_roles(demo):
    User = get_user_model()
    roles = {user.username: {g.name for g in user.groups.all()} for user in User.objects.prefetch_related("groups")}
    assert roles["editor"] == {"Editors"}
    assert roles["moderator"] == {"Moderators"}
    assert roles["organiser"] == {"Organisers"}
    assert roles["camille"] == roles["santiago"] == set()
    assert User.objects.get(username="admin").is_superuser
    assert "demo-editor-pass" in demo


def demo_pages_are_in_the_search_index():
    french = Locale.objects.get(language_code="fr")
    results = WorkshopPage.objects.live().filter(locale=french).search("chaleur")
    assert [page.slug for page in results] == ["ville-plus-fraiche"]


def demo_translations_are_wagtail_localize_translations(django_capture_on_commit_callbacks):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail_localize.models import Translation, TranslationSource

    from home.localize import shows_untranslated_text
    from workshops.models import Theme

    french = Page.objects.filter(depth__gt=1, locale__language_code="fr")
    sources = TranslationSource.objects.filter(object_id__in=french.values("translation_key"))
    assert sources.count() == french.count() == 27  # 11 pages, the archive's 3, a report and 12 recommendations
    assert Translation.objects.filter(source__in=sources, enabled=True).count() == 54
    assert TranslationSource.objects.filter(
        object_id__in=Theme.objects.filter(locale__language_code="fr").values("translation_key")
    ).exists()
    assert not Redirect.objects.exists()
    assert not any(shows_untranslated_text(page) for page in Page.objects.filter(depth__gt=1))

    workshop = WorkshopPage.objects.get(slug="ville-plus-fraiche")
    english = workshop.get_translation(Locale.objects.get(language_code="en"))
    english_title = english.title
    source = TranslationSource.objects.get(object_id=workshop.translation_key)
    source.update_from_db()  # "Sync translated pages" after an edit of the French page
    with django_capture_on_commit_callbacks(execute=True):
        source.translations.get(target_locale=english.locale).save_target(publish=True)
    english.refresh_from_db()
    assert english.title == english_title != workshop.title and english.live


def open_demo_sessions_welcome_people_from_elsewhere():
    for session in Session.objects.all():
        assert session.residents_only == (not session.open_to_public)
    assert Session.objects.filter(open_to_public=True).exists()


def the_archive_is_filled_in_every_language():
    from archive.models import Endorsement, FollowUpEvent, RecommendationPage

    for code in LANGUAGES:
        recommendations = RecommendationPage.objects.live().filter(locale__language_code=code)
        assert recommendations.count() == 12
        assert set(recommendations.values_list("answer", flat=True)) == {
            "under_study",
            "accepted",
            "partially_accepted",
            "rejected",
            "referred",
        }
        assert set(recommendations.values_list("progress", flat=True)) == {"none", "under_way", "all_done"}
    assert FollowUpEvent.objects.filter(by__username="editor").exists()
    assert Endorsement.objects.count() >= 10
    assert set(WorkshopPage.objects.filter(slug="aller-a-l-ecole").values_list("status", flat=True)) == {
        "deliberation_adopted"
    }


def the_city_is_branded_with_its_footer_in_every_language(client):
    from bs4 import BeautifulSoup

    from home.branding import Branding

    branding = Branding.for_site(Site.objects.get(is_default_site=True))
    assert branding.city_name == "Grenoble" and branding.logo is not None
    for code, accessibility, privacy in [
        ("fr", "Accessibilité", "Données personnelles"),
        ("en", "Accessibility", "Personal data"),
        ("es", "Accesibilidad", "Datos personales"),
    ]:
        soup = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
        assert soup.select_one(".brand__city").get_text() == "Grenoble"
        assert soup.select_one(".brand__logo")["alt"] == ""  # the city's name beside it says it
        footer = {link.get_text(strip=True): link["href"] for link in soup.select(".site-footer a")}
        statement = branding.accessibility_page.get_translation(Locale.objects.get(language_code=code))
        assert footer[accessibility] == statement.url
        assert footer[privacy].startswith(f"/{code}/")
        assert "participation@grenoble.example" in footer and "Mastodon" in footer
