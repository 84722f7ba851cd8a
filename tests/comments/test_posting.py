"""Residents comment, reply, like, edit and delete on a page's discussion."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import Discussion, PortalComment, Status

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("comments:post", args=[page.pk])


def test_a_signed_in_resident_comments_from_the_page(client, workshop, resident):
    camille = resident()
    client.force_login(camille)
    response = client.post(post_url(workshop), {"text": "Plus d'arbres rue Nicolas-Chorier"})
    comment = PortalComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#c{comment.pk}")
    page = client.get(workshop.url)
    assert "Plus d&#x27;arbres rue Nicolas-Chorier" in page.content.decode()
    assert "Camille" in page.content.decode()
    assert comment.language == "fr"


def test_a_comment_sent_twice_is_posted_once(client, workshop, resident, say, monkeypatch):
    """A second click on a slow connection, or a form sent again, gives back the first comment."""
    camille = resident()
    client.force_login(camille)
    first = client.post(post_url(workshop), {"text": "Une seule fois"})
    again = client.post(post_url(workshop), {"text": "Une seule fois"})
    comment = PortalComment.objects.get()
    assert first["Location"] == again["Location"] and again["Location"].endswith(f"#c{comment.pk}")

    reply = say(camille, "Une seule fois", parent_id=comment.pk)  # the same words elsewhere are a new comment
    assert say(camille, "Une seule fois", parent_id=comment.pk) == reply
    later = timezone.now() + services.RESENT_WITHIN + datetime.timedelta(seconds=1)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    assert say(camille, "Une seule fois").pk not in (comment.pk, reply.pk)
    assert PortalComment.objects.count() == 3


def test_visitors_are_asked_to_sign_in(client, workshop):
    page = client.get(workshop.url).content.decode()
    assert "Se connecter pour commenter" in page
    response = client.post(post_url(workshop), {"text": "anonyme"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not PortalComment.objects.exists()


def test_every_translation_shares_one_thread(client, site_tree, resident, say):
    say(resident(), "Commentaire en français")
    say(resident("Sam", "en"), "An English comment", page=site_tree["workshops"]["en"])
    assert Discussion.objects.count() == 1
    english = client.get(site_tree["workshops"]["en"].url).content.decode()
    assert "Commentaire en français" in english and "An English comment" in english


def test_replies_nest_three_levels_and_no_deeper(workshop, resident, say):
    author = resident()
    comment = say(author, "niveau 0")
    for level in (1, 2, 3):
        comment = say(author, f"niveau {level}", parent_id=comment.pk)
        assert comment.level == level
    with pytest.raises(services.Refused, match="plus loin"):
        say(author, "niveau 4", parent_id=comment.pk)


@pytest.mark.parametrize("status", [Status.HIDDEN, Status.DELETED, Status.REMOVED, Status.AUTO_HIDDEN])
def test_no_reply_to_a_hidden_or_deleted_comment(client, workshop, resident, say, status):
    parent = say(resident())
    PortalComment.objects.filter(pk=parent.pk).update(status=status)
    replier = resident("Sam")
    client.force_login(replier)
    response = client.post(post_url(workshop), {"text": "Ma réponse", "parent": parent.pk}, follow=True)
    assert "ne pouvez plus répondre" in response.content.decode()
    assert PortalComment.objects.count() == 1
    assert client.session.get("comment_draft") is None  # shown once, then forgotten


def test_a_reply_to_a_missing_parent_keeps_the_text(client, workshop, resident):
    client.force_login(resident())
    response = client.post(post_url(workshop), {"text": "Texte à garder", "parent": 999999}, follow=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "ne pouvez plus répondre" in body
    assert "Texte à garder" in body  # refilled in the form
    assert not PortalComment.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Écrivez quelque chose"), ("   \n ", "Écrivez quelque chose"), ("x" * 3001, "moins de 3000 caractères")],
)
def test_empty_and_oversize_comments_are_refused_with_a_message(client, workshop, resident, text, message):
    client.force_login(resident())
    response = client.post(post_url(workshop), {"text": text}, follow=True)
    assert message in response.content.decode()
    assert not PortalComment.objects.exists()


def test_the_honeypot_stops_bots(client, workshop, resident):
    client.force_login(resident())
    client.post(post_url(workshop), {"text": "Achetez", "website": "http://spam.example"})
    assert not PortalComment.objects.exists()


def test_five_posts_a_minute_at_most(client, workshop, resident):
    client.force_login(resident())
    for n in range(5):
        client.post(post_url(workshop), {"text": f"message {n}"})
    response = client.post(post_url(workshop), {"text": "un de trop"})
    page = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) <= 60
    assert "Veuillez réessayer dans 1 minute." in page and "un de trop</textarea>" in page  # nothing typed is lost
    assert PortalComment.objects.count() == 5


def test_blocked_residents_cannot_post(client, workshop, resident, moderator, say):
    troll = resident("Troll")
    comment = say(troll, "provocation")
    services.moderate(moderator, [comment], "block", reason="Insultes répétées", block_days=7)
    client.force_login(troll)
    page = client.get(workshop.url).content.decode()
    assert "ne peut pas participer" in page
    response = client.post(post_url(workshop), {"text": "encore"}, follow=True)
    assert "Insultes répétées" in response.content.decode()
    assert PortalComment.objects.count() == 1


def test_closed_discussions_take_no_comment(client, workshop, resident):
    workshop.comments_open = False
    workshop.save_revision().publish()
    client.force_login(resident())
    response = client.post(post_url(workshop), {"text": "trop tard"}, follow=True)
    assert "discussion est close" in response.content.decode()
    assert not PortalComment.objects.exists()


def test_unpublished_pages_take_no_comment(client, workshop, resident):
    workshop.unpublish()
    client.force_login(resident())
    assert client.post(post_url(workshop), {"text": "?"}).status_code == 404


def test_sorting_oldest_newest_and_most_liked(client, workshop, resident, say):
    first, second, third = (say(resident(f"R{n}"), f"commentaire {n}") for n in range(3))
    for n in range(2):
        services.toggle_like(resident(f"Fan{n}"), second)
    services.toggle_like(resident("Fan9"), third)

    def order(sort):
        body = client.get(workshop.url, {"sort": sort}).content.decode()
        return sorted((first, second, third), key=lambda c: body.index(f'id="c{c.pk}"'))

    assert order("oldest") == [first, second, third]
    assert order("newest") == [third, second, first]
    assert order("liked") == [second, third, first]


def test_one_like_per_resident_toggles(workshop, resident, say):
    comment = say(resident())
    fan = resident("Fan")
    assert services.toggle_like(fan, comment) is True
    assert services.toggle_like(fan, comment) is False
    assert services.toggle_like(fan, comment) is True
    assert comment.flags.count() == 1
    with pytest.raises(services.Refused):
        services.toggle_like(comment.user, comment)


def test_like_from_the_page(client, workshop, resident, say):
    comment = say(resident())
    client.force_login(resident("Fan"))
    response = client.post(reverse("comments:like", args=[comment.pk]), {"next": "https://evil.example/"})
    assert response["Location"].startswith(workshop.url)
    assert 'aria-pressed="true"' in client.get(workshop.url).content.decode()


def test_editing_within_fifteen_minutes_marks_edited(client, workshop, resident, say):
    author = resident()
    comment = say(author, "premier jet")
    client.force_login(author)
    client.post(reverse("comments:edit", args=[comment.pk]), {"text": "version corrigée"})
    comment.refresh_from_db()
    assert comment.comment == "version corrigée" and comment.edited_at
    assert "(modifié)" in client.get(workshop.url).content.decode()

    PortalComment.objects.filter(pk=comment.pk).update(submit_date=timezone.now() - datetime.timedelta(minutes=16))
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"text": "trop tard"}, follow=True)
    assert "15 minutes" in response.content.decode()
    comment.refresh_from_db()
    assert comment.comment == "version corrigée"


def test_nobody_edits_someone_elses_comment(client, workshop, resident, say):
    comment = say(resident())
    client.force_login(resident("Autre"))
    assert client.post(reverse("comments:edit", args=[comment.pk]), {"text": "pirate"}).status_code == 404
    assert client.post(reverse("comments:delete", args=[comment.pk])).status_code == 404


def test_deleting_keeps_the_replies(client, workshop, resident, say):
    author = resident()
    comment = say(author, "à supprimer")
    say(resident("Sam"), "une réponse qui reste", parent_id=comment.pk)
    client.force_login(author)
    client.post(reverse("comments:delete", args=[comment.pk]))
    body = client.get(workshop.url).content.decode()
    assert "à supprimer" not in body
    assert "Commentaire supprimé par son auteur" in body
    assert "une réponse qui reste" in body


def test_a_deleted_comment_without_replies_disappears(client, workshop, resident, say):
    author = resident()
    comment = say(author, "seul")
    services.delete(author, comment)
    assert "supprimé par son auteur" not in client.get(workshop.url).content.decode()


def test_permalink_shows_the_single_comment_in_its_thread(client, workshop, resident, say):
    root = say(resident(), "le début du fil")
    reply = say(resident("Sam"), "la réponse visée", parent_id=root.pk)
    say(resident("Lou"), "un autre fil")
    response = client.get(reverse("comments:permalink", args=[reply.pk]))
    assert response.status_code == 302
    assert f"comment={reply.pk}" in response["Location"] and response["Location"].endswith(f"#c{reply.pk}")
    body = client.get(response["Location"]).content.decode()
    assert "Vous voyez un seul commentaire" in body and "Voir tous les commentaires" in body
    assert "le début du fil" in body and "la réponse visée" in body
    assert "un autre fil" not in body
    assert 'aria-current="true"' in body


def test_permalink_lands_in_the_visitors_language(client, site_tree, resident, say):
    comment = say(resident())
    response = client.get(f"/en/comments/{comment.pk}/")
    assert response["Location"].startswith(site_tree["workshops"]["en"].url)


def test_reply_notifications_are_opt_in_with_one_click_unsubscribe(client, workshop, resident, say, outbox):
    follower = resident("Suiveuse", language="es")
    silent = resident("Discret")
    root = say(follower, "je suis le fil", followup=True)
    quiet = say(silent, "je ne veux pas d'email", parent_id=root.pk)
    say(resident("Sam"), "réponse à Discret", parent_id=quiet.pk)
    assert [message.to for message in outbox] == [[follower.email], [follower.email]]  # each reply in the thread
    message = outbox[0]
    assert message.subject.startswith("Nueva respuesta")
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body
    assert '<form method="post">' in client.get(unsubscribe.replace("http://localhost", "")).content.decode()
    root.refresh_from_db()
    assert root.followup is True  # a mail scanner following the link changes nothing
    assert client.post(unsubscribe.replace("http://localhost", "")).status_code == 200
    root.refresh_from_db()
    assert root.followup is False
    mail.outbox.clear()
    say(resident("Lou"), "encore une", parent_id=root.pk)
    say(silent, "et une autre", parent_id=quiet.pk)
    assert outbox == []


def test_an_altered_unsubscribe_link_says_so(client):
    response = client.get(reverse("comments:unsubscribe", args=["abc:def"]))
    assert response.status_code == 404
    assert "pas valide" in response.content.decode()


def test_the_reply_form_opens_under_its_comment_and_keeps_refused_text(client, workshop, resident, say):
    root = say(resident(), "le sujet")
    client.force_login(resident("Sam"))
    assert f"?comment={root.pk}&amp;reply={root.pk}#reply-{root.pk}" in client.get(workshop.url).content.decode()
    form = client.get(workshop.url, {"comment": root.pk, "reply": root.pk}).content.decode()
    assert f'id="reply-{root.pk}"' in form and f'name="parent" value="{root.pk}"' in form
    response = client.post(post_url(workshop), {"text": "x" * 3001, "parent": root.pk}, follow=True)
    body = response.content.decode()
    assert "moins de 3000 caractères" in body
    assert body.count("x" * 3001) == 1  # back in the reply form, not lost
    assert body.index(f'id="reply-{root.pk}"') < body.index("x" * 3001)
