"""Every public form renders its fields one way: labelled, help and errors tied to the input, choices in a fieldset."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from draws.models import Draw
from tests import factories

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_an_error_and_a_help_text_are_read_with_their_input(client, site_tree):
    session = factories.SessionFactory(workshop=site_tree["workshops"]["fr"], residents_only=False)
    html = parse(client.post(f"/fr/sessions/{session.pk}/", {"name": "Nadia", "email": "pas-une-adresse"}))
    email = html.select_one("input[name=email]")
    described = email["aria-describedby"].split()
    assert email["aria-invalid"] == "true"
    assert {f"{email['id']}_helptext", f"{email['id']}_error"} <= set(described)
    assert all(html.find(id=target) for target in described)
    assert html.find(id=f"{email['id']}_error").find_parent(attrs={"role": "alert"})
    assert html.select_one(f"label[for={email['id']}]")


def test_choices_are_a_fieldset_with_a_legend_and_the_honeypot_is_hidden(client, site_tree, district, resident):
    draw = Draw.objects.create(
        workshop=site_tree["workshops"]["fr"],
        closes_at=timezone.now() + datetime.timedelta(days=3),
        randomness_method="Dés",
    )
    client.force_login(resident())
    html = parse(client.get(reverse("draws:apply", args=[draw.pk])))
    radios = html.select("fieldset input[type=radio][name=gender]")
    assert radios and radios[0].find_parent("fieldset").legend.get_text(strip=True)
    honeypot = html.select_one("input[name=website]")
    assert honeypot.find_parent(class_="honeypot")["aria-hidden"] == "true"
