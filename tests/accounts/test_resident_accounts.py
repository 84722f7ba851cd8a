"""The resident's account journey with django-allauth, in the site's layout and languages."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core import mail

from accounts.models import User
from tests import factories

PASSWORD = "Une-phrase-de-passe-solide-42"


def first_link(message):
    return re.search(r"https?://[^/]+(/\S+)", message.body).group(1)


@pytest.mark.django_db
class TestSignUp:
    def test_sign_up_needs_a_verified_email_before_signing_in(self, client, site_tree):
        response = client.post(
            "/fr/accounts/signup/",
            {"email": "nadia@example.org", "password1": PASSWORD, "password2": PASSWORD, "display_name": "Nadia"},
        )
        assert response.status_code == 302
        user = User.objects.get(email="nadia@example.org")
        assert user.display_name == "Nadia"
        assert user.preferred_language == "fr"
        assert not user.is_staff and not user.groups.exists()
        assert len(mail.outbox) == 1

        client.logout()
        response = client.post("/fr/accounts/login/", {"login": "nadia@example.org", "password": PASSWORD})
        assert "/accounts/confirm-email/" in response["Location"]
        assert not EmailAddress.objects.get(email="nadia@example.org").verified

        confirm_url = first_link(mail.outbox[-1])
        assert client.post(confirm_url).status_code == 302
        assert EmailAddress.objects.get(email="nadia@example.org").verified
        response = client.get("/fr/accounts/profile/")
        assert response.status_code == 200
        assert "nadia@example.org" in response.content.decode()

    def test_confirmation_email_follows_the_language_of_sign_up(self, client, site_tree):
        client.post("/es/accounts/signup/", {"email": "ines@example.org", "password1": PASSWORD, "password2": PASSWORD})
        assert User.objects.get(email="ines@example.org").preferred_language == "es"
        assert "/es/accounts/confirm-email/" in mail.outbox[0].body

    @pytest.mark.parametrize("code, heading", [("fr", "Création de compte"), ("en", "Sign Up"), ("es", "Registrarse")])
    def test_sign_up_page_is_in_the_site_layout_and_language(self, client, site_tree, code, heading):
        page = BeautifulSoup(client.get(f"/{code}/accounts/signup/").content, "html.parser")
        assert page.html["lang"] == code
        assert page.select_one(".language-switcher")
        assert heading in page.h1.get_text()

    def test_bad_input_keeps_what_was_typed_and_explains(self, client, site_tree):
        response = client.post(
            "/en/accounts/signup/", {"email": "not-an-email", "password1": "x", "password2": "y", "display_name": "Zoé"}
        )
        assert response.status_code == 200
        assert "Enter a valid email address." in response.content.decode()
        assert 'value="Zoé"' in response.content.decode()
        assert not User.objects.exists()

    def test_markup_in_the_public_name_is_escaped(self, client, site_tree):
        user = factories.UserFactory(display_name="<script>alert(1)</script>")
        client.force_login(user)
        html = client.get("/en/accounts/profile/").content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html


@pytest.mark.django_db
class TestSignedInResident:
    @pytest.fixture
    def resident(self):
        user = factories.UserFactory(email="lea@example.org")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    def test_sign_in_and_sign_out(self, client, site_tree, resident):
        response = client.post("/en/accounts/login/", {"login": "lea@example.org", "password": "a-long-test-password"})
        assert response.status_code == 302
        assert response["Location"] == "/en/accounts/profile/"
        assert client.post("/en/accounts/logout/").status_code == 302
        assert client.get("/en/accounts/profile/").status_code == 302

    def test_password_reset_by_email(self, client, site_tree, resident):
        client.post("/en/accounts/password/reset/", {"email": "lea@example.org"})
        assert len(mail.outbox) == 1
        reset_url = first_link(mail.outbox[0])
        form_url = client.get(reset_url)["Location"]
        response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
        assert response.status_code == 302
        resident.refresh_from_db()
        assert resident.check_password(PASSWORD)

    def test_profile_saves_public_name_and_email_language(self, client, site_tree, resident):
        client.force_login(resident)
        response = client.post("/es/accounts/profile/", {"display_name": "Léa M.", "preferred_language": "es"})
        assert response.status_code == 302
        resident.refresh_from_db()
        assert (resident.display_name, resident.preferred_language) == ("Léa M.", "es")
        assert "Su perfil se ha guardado." in client.get("/es/accounts/profile/").content.decode()

    def test_profile_rejects_an_unknown_language(self, client, site_tree, resident):
        client.force_login(resident)
        response = client.post("/en/accounts/profile/", {"display_name": "Léa", "preferred_language": "de"})
        assert response.status_code == 200
        resident.refresh_from_db()
        assert resident.preferred_language == "fr"


@pytest.mark.django_db
def test_allauths_emails_name_the_portal_not_example_com(client, resident, mailoutbox, settings):
    from django.contrib.sites.models import Site

    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("localhost", settings.WAGTAIL_SITE_NAME)  # set after every migrate
    user = resident()
    client.post("/fr/accounts/password/reset/", {"email": user.email})
    [message] = mailoutbox
    assert "example.com" not in message.subject + message.body
    assert settings.WAGTAIL_SITE_NAME in message.subject + message.body
