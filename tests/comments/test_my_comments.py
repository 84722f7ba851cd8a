"""A resident finds their own comments and questions, with their state, in their space."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from comments import services

pytestmark = pytest.mark.django_db


def test_my_space_lists_my_comments_with_their_state_and_a_link(client, workshop, resident, say, site_tree):
    camille, sam = resident("Camille"), resident("Sam")
    say(camille, "Des fontaines dans le parc")
    say(camille, "Quand commence le chantier ?", kind="question")
    gone = say(camille, "Message effacé")
    services.delete(camille, gone)
    say(sam, "Le commentaire de quelqu’un d’autre")
    client.force_login(camille)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Des fontaines dans le parc" in page and "Quand commence le chantier ?" in page
    assert f'href="{workshop.url}#c' in page and "en attente de modération" in page.lower()
    assert "Message effacé" not in page and "quelqu’un d’autre" not in page


def test_my_comments_link_to_the_page_in_my_language_in_two_queries(
    workshop, resident, say, site_tree, django_assert_num_queries
):
    camille = resident("Camille")
    for n in range(5):
        say(camille, f"Idée {n}")
    english = Locale.objects.get(language_code="en")
    with django_assert_num_queries(2):
        listed = services.comments_of(camille, english)
    assert [c.comment for c in listed] == [f"Idée {n}" for n in reversed(range(5))]
    assert {c.shown_on.pk for c in listed} == {site_tree["workshops"]["en"].pk}


def test_nothing_written_yet_is_said_plainly(client, resident):
    client.force_login(resident())
    assert "Vous n’avez encore écrit" in client.get(reverse("accounts:profile")).content.decode()
