import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
class TestLanguageSwitching:
    def test_root_redirects_to_a_language_prefix(self, client, site_tree):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 302
        assert response["Location"] == "/es/"

    @pytest.mark.parametrize("code", ["fr", "en", "es"])
    def test_home_has_the_right_html_lang(self, client, site_tree, code):
        response = client.get(site_tree["homes"][code].url)
        assert response.status_code == 200
        assert parse(response).html["lang"] == code

    def test_switcher_lands_on_the_same_page_in_the_other_language(self, client, site_tree):
        response = client.get("/fr/ateliers/ville-fraiche/")
        switcher = parse(response).select_one(".language-switcher")
        english = switcher.select_one('a[hreflang="en"]')
        assert english["href"] == "/en/workshops/cool-city/"
        assert english["lang"] == "en"
        assert switcher.select_one('[aria-current="true"]')["lang"] == "fr"
        followed = client.get(english["href"])
        assert parse(followed).html["lang"] == "en"
        assert parse(followed).h1.get_text() == "Cool city"

    def test_untranslated_page_switches_to_nearest_translated_ancestor_with_notice(self, client, site_tree):
        response = client.get("/fr/ateliers/ville-fraiche/")
        spanish = parse(response).select_one('.language-switcher a[hreflang="es"]')
        assert spanish["href"] == "/es/talleres/?untranslated=1"
        landed = client.get(spanish["href"])
        page = parse(landed)
        assert page.html["lang"] == "es"
        assert "no está disponible en este idioma" in page.select_one(".notice").get_text()

    def test_hreflang_alternates_list_every_translation_and_x_default(self, client, site_tree):
        response = client.get("/en/workshops/cool-city/")
        alternates = {
            link["hreflang"]: link["href"] for link in parse(response).select('link[rel="alternate"][hreflang]')
        }
        assert alternates == {
            "fr": "http://testserver/fr/ateliers/ville-fraiche/",
            "en": "http://testserver/en/workshops/cool-city/",
            "x-default": "http://testserver/fr/ateliers/ville-fraiche/",
        }

    def test_untranslated_page_is_not_served_in_another_language(self, client, site_tree):
        response = client.get("/es/talleres/ville-fraiche/")
        assert response.status_code == 404

    def test_missing_language_tree_does_not_fall_back_to_french(self, client, site_tree):
        """Without a Spanish home, Wagtail would route /es/ through the French tree."""
        site_tree["homes"]["es"].delete()
        assert client.get("/fr/ateliers/ville-fraiche/").status_code == 200
        response = client.get("/es/ateliers/ville-fraiche/")
        assert response.status_code == 404
        assert "Página no encontrada" in parse(response).h1.get_text()

    def test_draft_translation_is_not_offered(self, client, site_tree):
        Page.objects.get(pk=site_tree["workshops"]["en"].pk).specific.unpublish()
        response = client.get("/fr/ateliers/ville-fraiche/")
        english = parse(response).select_one('.language-switcher a[hreflang="en"]')
        assert english["href"] == "/en/workshops/?untranslated=1"

    @pytest.mark.parametrize(
        "path, text",
        [
            ("/fr/nulle-part/", "Page introuvable"),
            ("/en/nowhere/", "Page not found"),
            ("/es/ninguna-parte/", "Página no encontrada"),
        ],
    )
    def test_unknown_page_gives_a_translated_404(self, client, site_tree, path, text):
        response = client.get(path)
        assert response.status_code == 404
        assert text in parse(response).h1.get_text()

    def test_unknown_language_prefix_is_never_a_server_error(self, client, site_tree):
        response = client.get("/de/ateliers/", follow=True)
        assert response.status_code == 404
        assert parse(response).html["lang"] in {"fr", "en", "es"}

    def test_non_page_views_switch_language_by_url(self, client, site_tree):
        response = client.get("/en/accounts/login/")
        french = parse(response).select_one('.language-switcher a[hreflang="fr"]')
        assert french["href"] == "/fr/accounts/login/"
