"""One rule everywhere an item is missing in the visitor's language: the default language, else any."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation

from draws.models import Draw
from portal.languages import best, preference
from registrations.forms import RegistrationForm
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_order_is_the_visitors_language_then_the_default(locales):
    assert preference(locales["es"]) == ["es", "fr"]
    assert preference(locales["fr"]) == ["fr"]
    assert preference(None) == ["fr"]
    assert best({"en": "en", "fr": "fr"}, locales["es"]) == "fr"
    assert best({"en": "en"}, locales["es"]) == "en"
    assert best({}, locales["es"]) is None


def test_the_draw_form_offers_the_default_languages_districts_when_none_are_translated(
    client, site_tree, district, resident
):
    draw = Draw.objects.create(
        workshop=site_tree["workshops"]["fr"],
        closes_at=timezone.now() + datetime.timedelta(days=3),
        randomness_method="Dés",
    )
    client.force_login(resident("Ana", "es"))
    with translation.override("es"):
        response = client.get(reverse("draws:apply", args=[draw.pk]))
    options = [option.get_text() for option in BeautifulSoup(response.content, "html.parser").select("select option")]
    assert "Berriat" in options


def test_registration_and_draw_forms_list_the_same_districts(site_tree, district, locales):
    session = factories.SessionFactory(workshop=site_tree["workshops"]["fr"])
    form = RegistrationForm(session=session, locale=locales["es"])
    assert [d.name for d in form.fields["district"].queryset] == ["Berriat"]
