"""The discussion's forms as assistive technology reads them, and the moderation screens as moderators see them."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from comments import services
from comments.models import Kind

pytestmark = pytest.mark.django_db


def labels_of(soup):
    """{control id: the text of the label pointing at it}."""
    return {
        label["for"]: " ".join(label.get_text(" ", strip=True).split())
        for label in soup.find_all("label")
        if label.get("for")
    }


def test_the_question_and_comment_forms_have_their_own_ids_and_labels(client, workshop, resident):
    client.force_login(resident())
    soup = BeautifulSoup(client.get(workshop.url).content, "html.parser")
    ids = Counter(element["id"] for element in soup.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    labels = labels_of(soup)
    question, comment = soup.select("form.comment-form textarea")
    assert labels[question["id"]] == "Votre question :"
    assert labels[comment["id"]] == "Votre commentaire :"


def test_every_honeypot_is_hidden_from_assistive_technology(client, workshop, resident):
    client.force_login(resident())
    soup = BeautifulSoup(client.get(workshop.url).content, "html.parser")
    honeypots = soup.select(".honeypot")
    assert len(honeypots) == 2
    assert all(box.get("aria-hidden") == "true" for box in honeypots)


def test_the_item_page_says_nothing_of_a_block_when_nobody_is_blocked(client, workshop, resident, say, moderator):
    comment = say(resident())
    services.report(resident("Témoin"), comment, "spam")
    client.force_login(moderator)
    page = client.get(reverse("comments_admin:item", args=[comment.pk])).content.decode()
    assert "L’auteur est bloqué" not in page and "L'auteur est bloqué" not in page


def test_the_item_page_names_the_block_in_force(client, workshop, resident, say, moderator):
    author = resident()
    comment = say(author)
    services.moderate(moderator, [comment], "block", "Insultes répétées", 7)
    client.force_login(moderator)
    page = client.get(reverse("comments_admin:item", args=[comment.pk])).content.decode()
    assert "bloqué" in page and "Insultes répétées" in page


def selected_action(html):
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("select[name=action] option[selected]")["value"]


@pytest.mark.parametrize("tab, action", [("reported", "keep"), ("pending", "approve"), ("hidden", "restore")])
def test_each_tab_offers_first_the_decision_that_fits_it(client, workshop, resident, say, moderator, tab, action):
    author = resident()
    if tab == "pending":
        say(author, "Une question ?", kind=Kind.QUESTION)
    else:
        comment = say(author)
        services.report(resident("Témoin"), comment, "spam")
        if tab == "hidden":
            services.moderate(moderator, [comment], "hide", "hors sujet")
    client.force_login(moderator)
    response = client.get(reverse("comments_admin:queue"), {"tab": tab})
    assert selected_action(response.content.decode()) == action


def test_a_pending_question_opens_with_approve_offered(client, workshop, resident, say, moderator):
    question = say(resident(), "Une question ?", kind=Kind.QUESTION)
    client.force_login(moderator)
    response = client.get(reverse("comments_admin:item", args=[question.pk]))
    assert selected_action(response.content.decode()) == "approve"


@pytest.mark.parametrize("language, wagtails_word", [("en", "Reports"), ("fr", "Rapports"), ("es", "Informes")])
def test_our_flagged_items_do_not_share_a_word_with_wagtails_reports_menu(client, moderator, language, wagtails_word):
    """Our catalog once translated Wagtail's own "Reports" menu as our "Signalements"."""
    client.force_login(moderator)
    with translation.override(language):
        assert translation.gettext("Reports") == wagtails_word
        response = client.get(reverse("comments_admin:queue"), HTTP_ACCEPT_LANGUAGE=language)
    soup = BeautifulSoup(response.content, "html.parser")
    tabs = [tab.get_text() for tab in soup.select('nav[aria-label] a[href^="?tab="]')]
    assert tabs and all(wagtails_word.lower() not in tab.lower() for tab in tabs)


def test_a_deleted_account_leaves_no_name_in_the_visitors_cached_discussion(client, workshop, resident, say):
    author = resident("Zoé Martin")
    say(author, "Plus d'ombre au parc")
    assert "Zoé Martin" in client.get(workshop.url).content.decode()  # now cached for visitors
    author.delete()  # the erasure runs before every deletion of a user
    page = client.get(workshop.url).content.decode()
    assert "Zoé Martin" not in page and "Plus d&#x27;ombre au parc" in page
