"""Signed-in residents share the rendered threads; only what each may do is theirs."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from comments import services

pytestmark = pytest.mark.django_db


def actions_of(client, url, comment):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one(f"#c{comment.pk} .comment__actions")


def test_each_resident_sees_their_own_actions_on_the_shared_threads(workshop, say, resident, uncached):
    camille, santiago = resident("Camille"), resident("Santiago")
    mine, theirs = say(camille, "Des arbres"), say(santiago, "Des fontaines")
    services.toggle_like(camille, theirs)
    services.report(camille, theirs, "spam")
    as_camille, as_santiago = Client(), Client()
    as_camille.force_login(camille)
    as_santiago.force_login(santiago)

    for _ in range(2):  # the second time from the shared cache
        own = actions_of(as_camille, workshop.url, mine)
        assert "Modifier" in own.get_text() and "Supprimer" in own.get_text() and not own.select("form")
        other = actions_of(as_camille, workshop.url, theirs)
        assert other.select_one("button")["aria-pressed"] == "true"
        assert "Vous avez signalé ce commentaire" in other.get_text()
        token = other.select_one('input[name="csrfmiddlewaretoken"]')["value"]
        assert token and other.select_one('input[name="next"]')["value"].endswith(f"#c{theirs.pk}")

        seen_by_santiago = actions_of(as_santiago, workshop.url, mine)
        assert seen_by_santiago.select_one("button")["aria-pressed"] == "false"
        assert "Modifier" not in seen_by_santiago.get_text() and "Signaler" in seen_by_santiago.get_text()
        assert seen_by_santiago.select_one('input[name="csrfmiddlewaretoken"]')["value"] != token

    visitor = actions_of(Client(), workshop.url, theirs)
    assert "1 J’aime" in visitor.get_text() or "1 j’aime" in visitor.get_text().lower()
    assert not visitor.select("form, a")


def test_the_shared_threads_follow_every_change(workshop, say, resident, uncached):
    camille = resident("Camille")
    comment = say(camille, "Première version")
    reader = Client()
    reader.force_login(resident("Santiago"))
    assert "Première version" in reader.get(workshop.url).content.decode()
    assert "Camille" in Client().get(workshop.url).content.decode()
    services.edit(camille, comment, "Seconde version")
    assert "Seconde version" in reader.get(workshop.url).content.decode()
    assert "Seconde version" in Client().get(workshop.url).content.decode()
    from accounts.forms import ProfileForm

    form = ProfileForm({"display_name": "Camille R.", "preferred_language": "fr"}, instance=camille)
    assert form.is_valid()
    form.save()
    assert "Camille R." in reader.get(workshop.url).content.decode()
    assert "Camille R." in Client().get(workshop.url).content.decode()  # and for visitors


def test_text_cannot_forge_a_place_for_actions(workshop, say, resident, uncached):
    forged = say(resident("Mallory"), f"<!--actions:{1}--> bonjour")
    reader = Client()
    reader.force_login(resident("Santiago"))
    body = reader.get(workshop.url).content.decode()
    assert "&lt;!--actions:1--&gt; bonjour" in body and forged.pk
