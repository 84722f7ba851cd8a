"""The city's branding: set in the admin, checked for contrast, shown on the next page without a deploy."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from home.branding import TEXT_COLOUR, Branding, contrast_ratio

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["home", "branding", site.pk])


def form_data(**fields):
    data = {
        "city_name": "Grenoble",
        "primary_colour": "#00558c",
        "accent_colour": "#f5c342",
        "contact_email": "",
        "contact_phone": "",
        "contact_address": "",
        "footer_links-count": "0",
        "social_accounts-count": "0",
    }
    return {**data, **fields}


def test_contrast_ratios_follow_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48  # the classic grey just below AA
    assert contrast_ratio("#0b5cad", "#ffffff") > 4.5


@pytest.mark.parametrize(
    "field, colour",
    [("primary_colour", "#7fb3e6"), ("accent_colour", "#333333"), ("primary_colour", "blue")],
)
def test_colours_below_aa_are_refused_with_the_ratio(field, colour):
    branding = Branding(site=Site.objects.get(is_default_site=True), **{field: colour})
    with pytest.raises(ValidationError) as refused:
        branding.full_clean()
    message = " ".join(refused.value.message_dict[field])
    if colour.startswith("#"):  # the ratio found and the one needed, in the staff member's language
        assert f"{contrast_ratio(colour, '#ffffff' if field == 'primary_colour' else TEXT_COLOUR):.1f}:1" in message
        assert "4.5:1" in message
    else:
        assert "#0b5cad" in message  # the example of a valid colour


def test_staff_set_the_branding_in_the_admin_and_a_faint_colour_is_refused_keeping_what_was_typed(admin, site_tree):
    site = Site.objects.get(is_default_site=True)
    response = admin.post(settings_url(site), form_data(city_name="Ville de Test", primary_colour="#a0c4ff"))
    assert response.status_code == 200
    page = response.content.decode()
    found = f"{contrast_ratio('#a0c4ff', '#ffffff'):.1f}:1"
    assert found in page and "4.5:1" in page and "Ville de Test" in page  # refused; the name typed is kept
    assert not Branding.objects.filter(city_name="Ville de Test").exists()

    response = admin.post(settings_url(site), form_data(city_name="Ville de Test"))
    assert response.status_code == 302
    assert Branding.for_site(site).city_name == "Ville de Test"


def test_a_change_shows_on_the_next_page_even_from_the_page_cache(admin, client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 600
    site = Site.objects.get(is_default_site=True)
    admin.post(settings_url(site), form_data(city_name="Avant"))
    admin.logout()
    home = site_tree["homes"]["fr"].url
    assert client.get(home).headers["X-Page-Cache"] == "miss"
    assert client.get(home).headers["X-Page-Cache"] == "hit"

    branding = Branding.for_site(site)
    branding.city_name = "Après"
    branding.primary_colour = "#00558c"
    branding.save()
    response = client.get(home)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".brand__city").get_text() == "Après"
    assert "--primary: #00558c" in soup.select_one("head style").get_text()
    assert "Après" in soup.title.get_text()


def test_without_branding_the_portal_still_has_a_header_and_a_footer(client, site_tree):
    soup = BeautifulSoup(client.get(site_tree["homes"]["en"].url).content, "html.parser")
    assert soup.select_one(".brand__programme").get_text() == "Citizen participation"
    assert soup.select_one(".brand__logo") is None and soup.select_one(".brand__city") is None
    assert soup.select_one(".site-footer a[href='/sitemap.xml']")
    assert soup.select_one("details.menu summary").get_text() == "Menu"
