"""Residents report; enough reports hide an item; moderators decide, and everyone is told."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import Block, PortalComment, Report, Status

pytestmark = pytest.mark.django_db


def report_url(comment):
    return reverse("comments:report", args=[comment.pk])


def test_a_resident_reports_with_a_reason_and_details(client, workshop, resident, say):
    comment = say(resident())
    client.force_login(resident("Témoin"))
    form = client.get(report_url(comment)).content.decode()
    assert "Ce contenu est-il inapproprié" in form and "Données personnelles" in form
    response = client.post(report_url(comment), {"reason": "personal_data", "details": "Mon adresse"}, follow=True)
    assert "Merci. Les modérateurs vont examiner votre signalement." in response.content.decode()
    report = Report.objects.get()
    assert (report.reason, report.details) == ("personal_data", "Mon adresse")
    assert "Vous avez signalé ce commentaire" in client.get(workshop.url).content.decode()


def test_a_report_needs_a_reason(client, workshop, resident, say):
    comment = say(resident())
    client.force_login(resident("Témoin"))
    response = client.post(report_url(comment), {"details": "?"})
    assert response.status_code == 200 and "Choisissez une raison." in response.content.decode()
    assert not Report.objects.exists()


def test_one_report_per_person_and_none_on_ones_own(client, workshop, resident, say):
    author = resident()
    comment = say(author)
    witness = resident("Témoin")
    services.report(witness, comment, "spam")
    with pytest.raises(services.Refused, match="déjà signalé"):
        services.report(witness, comment, "offensive")
    with pytest.raises(services.Refused, match="vous-même"):
        services.report(author, comment, "spam")
    client.force_login(witness)
    response = client.post(report_url(comment), {"reason": "spam"}, follow=True)
    assert "déjà signalé" in response.content.decode()
    assert Report.objects.count() == 1


@pytest.mark.parametrize("status", [Status.REMOVED, Status.DELETED])
def test_removed_items_cannot_be_reported(client, workshop, resident, say, status):
    comment = say(resident())
    PortalComment.objects.filter(pk=comment.pk).update(status=status)
    client.force_login(resident("Témoin"))
    response = client.post(report_url(comment), {"reason": "spam"}, follow=True)
    assert "plus rien à signaler" in response.content.decode()
    assert not Report.objects.exists()


def test_visitors_must_sign_in_to_report(client, workshop, resident, say):
    comment = say(resident())
    assert "/accounts/login/" in client.post(report_url(comment), {"reason": "spam"})["Location"]
    assert "Signaler un contenu" not in client.get(workshop.url).content.decode()


@override_settings(COMMENTS_REPORTS_TO_HIDE=3)
def test_three_reports_hide_the_comment_and_alert_moderators(client, workshop, resident, say, moderator, outbox):
    comment = say(resident(), "texte injurieux")
    for n in range(2):
        services.report(resident(f"T{n}"), comment, "offensive")
    assert "texte injurieux" in client.get(workshop.url).content.decode()
    services.report(resident("T3"), comment, "offensive", "Insulte")
    comment.refresh_from_db()
    assert comment.status == Status.AUTO_HIDDEN
    body = client.get(workshop.url).content.decode()
    assert "texte injurieux" not in body  # the page is cached per discussion version: no stale copy
    assert [message.to for message in outbox] == [[moderator.email]]
    assert "texte injurieux" in outbox[0].body and "/admin/moderation/" in outbox[0].body
    assert ModelLogEntry.objects.filter(action="comments.auto_hide", object_id=str(comment.pk)).exists()


def test_the_queue_is_for_moderators_only(client, workshop, resident, say, moderator):
    comment = say(resident(), "texte signalé")
    services.report(resident("T"), comment, "spam")
    editor = resident("Éditrice", username="editrice")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("comments_admin:queue")).status_code == 302
    client.force_login(moderator)
    queue = client.get(reverse("comments_admin:queue")).content.decode()
    assert "texte signalé" in queue and "Spam × 1" in queue
    assert client.get(f"/admin/pages/{workshop.pk}/edit/").status_code == 302  # moderators cannot edit pages


@override_settings(COMMENTS_REPORTS_TO_HIDE=2)
def test_restoring_an_auto_hidden_comment_tells_author_and_reporters(
    client, workshop, resident, say, moderator, outbox
):
    author = resident("Autrice", language="en")
    comment = say(author, "un avis tranché")
    reporters = [resident(f"T{n}") for n in range(2)]
    for reporter in reporters:
        services.report(reporter, comment, "offensive")
    outbox.clear()
    client.force_login(moderator)
    client.post(reverse("comments_admin:queue"), {"items": [comment.pk], "action": "keep"})
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    assert not Report.objects.open().exists()
    recipients = sorted(message.to[0] for message in outbox)
    assert recipients == sorted([author.email] + [r.email for r in reporters])
    to_author = next(message for message in outbox if message.to == [author.email])
    assert to_author.subject == "Your comment is visible again"
    assert "un avis tranché" in client.get(workshop.url).content.decode()


def test_hiding_shows_the_public_reason_and_keeps_replies(client, workshop, resident, say, moderator, outbox):
    author = resident()
    comment = say(author, "hors sujet total")
    say(resident("Sam"), "une réponse", parent_id=comment.pk)
    services.report(resident("T"), comment, "off_topic")
    outbox.clear()
    client.force_login(moderator)
    client.post(
        reverse("comments_admin:item", args=[comment.pk]),
        {"items": [comment.pk], "action": "hide", "reason": "hors sujet"},
    )
    client.logout()
    body = client.get(workshop.url).content.decode()
    assert "Masqué par la modération : hors sujet" in body
    assert "hors sujet total" not in body and "une réponse" in body
    author_mail = next(message for message in outbox if message.to == [author.email])
    assert "hors sujet" in author_mail.body
    reporter_mail = next(message for message in outbox if message.to != [author.email])
    assert "le texte est masqué" in reporter_mail.body
    entry = ModelLogEntry.objects.get(action="comments.hide", object_id=str(comment.pk))
    assert entry.user == moderator and entry.data["reason"] == "hors sujet"


def test_hiding_needs_a_reason(client, workshop, resident, say, moderator):
    comment = say(resident())
    client.force_login(moderator)
    response = client.post(reverse("comments_admin:queue"), {"items": [comment.pk], "action": "hide"}, follow=True)
    assert "Indiquez une raison" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED


def test_bulk_remove_then_restore(client, workshop, resident, say, moderator):
    comments = [say(resident(f"R{n}"), f"spam {n}") for n in range(3)]
    client.force_login(moderator)
    ids = [comment.pk for comment in comments]
    response = client.post(reverse("comments_admin:queue"), {"items": ids, "action": "remove"}, follow=True)
    assert "Décision appliquée à 3 élément(s)." in response.content.decode()
    assert set(PortalComment.objects.values_list("status", flat=True)) == {Status.REMOVED}
    client.post(reverse("comments_admin:queue"), {"items": ids[:1], "action": "restore"})
    assert PortalComment.objects.get(pk=ids[0]).status == Status.PUBLISHED
    response = client.post(reverse("comments_admin:queue"), {"items": ids, "action": "approve"}, follow=True)
    assert "3 élément(s) ignoré(s)" in response.content.decode()


def test_blocking_is_timed_reversible_and_logged(client, workshop, resident, say, moderator, outbox):
    troll = resident("Troll")
    comment = say(troll)
    client.force_login(moderator)
    client.post(
        reverse("comments_admin:queue"),
        {"items": [comment.pk], "action": "block", "reason": "Harcèlement", "block_days": 30},
    )
    block = Block.objects.in_force().get(user=troll)
    assert 29 <= (block.ends_at - block.created_at).days <= 30
    assert any("30 jours" in message.body for message in outbox if message.to == [troll.email])
    assert "Harcèlement" in client.get(reverse("comments_admin:blocks")).content.decode()
    with pytest.raises(services.Refused, match="Harcèlement"):
        services.post(troll, workshop, services.Post(text="encore"))
    client.post(reverse("comments_admin:lift_block", args=[block.pk]))
    assert not Block.objects.in_force().exists()
    services.post(troll, workshop, services.Post(text="pardon"))
    assert ModelLogEntry.objects.filter(action="comments.unblock").exists()


def test_the_item_page_shows_history_and_every_report(client, workshop, resident, say, moderator):
    comment = say(resident(), "à examiner")
    services.report(resident("T"), comment, "other", "C'est une publicité déguisée")
    services.moderate(moderator, [comment], "keep")
    client.force_login(moderator)
    body = client.get(reverse("comments_admin:item", args=[comment.pk])).content.decode()
    assert "C&#x27;est une publicité déguisée" in body
    assert "Historique" in body and "signalements classés" in body


def test_a_garbled_decision_is_a_message_not_an_error(client, workshop, resident, say, moderator):
    comment = say(resident())
    client.force_login(moderator)
    for data in ({"items": ["abc"], "action": "keep"}, {"items": [comment.pk], "action": "explode"}, {}):
        response = client.post(reverse("comments_admin:queue"), data, follow=True)
        assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED


def test_the_admin_menu_shows_each_role_its_own_work(client, moderator, resident):
    organiser = resident("Organisatrice", username="organisatrice")
    organiser.groups.add(Group.objects.get(name="Organisers"))
    client.force_login(moderator)
    menu = client.get("/admin/", follow=True).content.decode()
    assert '"url": "/admin/moderation/"' in menu and '"url": "/admin/moderation/questions/"' not in menu
    client.force_login(organiser)
    menu = client.get("/admin/", follow=True).content.decode()
    assert '"url": "/admin/moderation/questions/"' in menu and '"url": "/admin/moderation/"' not in menu
