"""Translating a page with wagtail-localize as an editor does: drafts first, nothing of another object overwritten,
never the source's text under another language, the slug beside the title, the editor's own words translated."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage, StandardPage
from tests import factories
from workshops.models import CouncilIndexPage, CouncilPage, Theme, WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(resident):
    user = resident("Éditrice", username="editrice")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def new_workshop(site_tree):
    """A French workshop on the theme already translated into English as "Climate"."""
    theme = site_tree["workshops"]["fr"].theme
    return factories.WorkshopPageFactory(
        parent=site_tree["indexes"]["fr"], slug="nuits-calmes", title="Des nuits plus calmes", theme=theme
    )


def submit(client, page, *codes):
    locales = [site_locale.pk for code, site_locale in page_locales(page).items() if code in codes]
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": locales})
    assert response.status_code == 302, response.content.decode()[:2000]


def page_locales(page):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


def translate_every_string(page, code, translate):
    translation_record = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )
    for segment in StringSegment.objects.filter(source=translation_record.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation_record.target_locale,
            context=segment.context,
            defaults={"data": translate(segment.string.data)},
        )
    return translation_record


def test_a_page_submitted_for_translation_starts_as_a_draft_in_each_language(
    client, editor, new_workshop, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):  # where wagtail-localize would publish
        submit(client, new_workshop, "en", "es")
    for code in ("en", "es"):
        copy = WorkshopPage.objects.get(translation_key=new_workshop.translation_key, locale__language_code=code)
        assert not copy.live
    assert client.get("/en/workshops/nuits-calmes/").status_code == 404


def test_a_translation_published_before_it_is_translated_is_not_served(
    client, editor, new_workshop, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    submit(client, new_workshop, "en")
    record = Translation.objects.get(source__object_id=new_workshop.translation_key, target_locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes after the commit
        record.save_target(user=editor, publish=True)  # "Publish in English" with every string still French
    english = WorkshopPage.objects.get(translation_key=new_workshop.translation_key, locale__language_code="en")
    assert english.live and english.title == "Des nuits plus calmes"
    client.logout()
    assert client.get(english.url).status_code == 404

    translate_every_string(new_workshop, "en", lambda text: f"[en] {text}")
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(user=editor, publish=True)
    english.refresh_from_db()
    response = client.get(english.url)
    assert response.status_code == 200
    assert "[en] Des nuits plus calmes" in response.content.decode()


def test_submitting_a_page_keeps_the_existing_translations_of_its_theme(client, editor, site_tree, new_workshop):
    theme_en = Theme.objects.get(translation_key=new_workshop.theme.translation_key, locale__language_code="en")
    assert theme_en.name == "Climate"
    client.force_login(editor)
    submit(client, new_workshop, "en", "es")
    theme_en.refresh_from_db()
    assert theme_en.name == "Climate"
    assert Theme.objects.filter(translation_key=theme_en.translation_key, locale__language_code="es").exists()
    cool_city = client.get("/en/workshops/cool-city/").content.decode()
    assert "Climate" in cool_city


@pytest.mark.parametrize(
    "model", [HomePage, StandardPage, WorkshopIndexPage, WorkshopPage, CouncilIndexPage, CouncilPage]
)
def test_the_slug_is_edited_beside_the_title(model):
    content, promote, *_rest = model.get_edit_handler().children
    assert "slug" in content.get_form_options()["fields"]
    assert "slug" not in promote.get_form_options()["fields"]


@pytest.mark.parametrize("code, publish_in", [("fr", "Publier en "), ("es", "Publicar en ")])
def test_the_translation_editor_says_publish_in_with_a_space(client, editor, code, publish_in):
    client.force_login(editor)
    catalog = client.get(reverse("wagtail_localize:javascript_catalog"), HTTP_ACCEPT_LANGUAGE=code)
    assert f'"Publish in ": "{publish_in}"' in catalog.content.decode()


@pytest.mark.parametrize("code, label", [("fr", "Mot de passe"), ("es", "Contraseña")])
def test_the_admin_sign_in_names_the_password_in_the_visitors_language(client, code, label):
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE=code)
    assert f">{label}<" in " ".join(response.content.decode().split()).replace("> ", ">").replace(" <", "<")
