"""Residents ask; moderators approve or reject; staff answer; answered questions form a FAQ."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from comments import services
from comments.models import Answer, Kind, PortalComment, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(resident):
    user = resident("Organisatrice", username="organisatrice")
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


def ask(client, workshop, text, **data):
    return client.post(reverse("comments:ask", args=[workshop.pk]), {"text": text, **data}, follow=True)


def test_a_question_stays_invisible_until_approved(client, workshop, resident, moderator, outbox):
    asker = resident("Curieuse")
    client.force_login(asker)
    response = ask(client, workshop, "Faut-il s'inscrire ?")
    assert "apparaîtra dès qu’un modérateur l’aura validée" in response.content.decode()
    question = PortalComment.objects.get()
    assert (question.kind, question.status) == (Kind.QUESTION, Status.PENDING)
    assert "vous seul la voyez" in client.get(workshop.url).content.decode()

    client.force_login(resident("Autre"))
    assert "Faut-il s&#x27;inscrire" not in client.get(workshop.url).content.decode()
    client.logout()
    assert "Faut-il s&#x27;inscrire" not in client.get(workshop.url).content.decode()

    client.force_login(moderator)
    queue = client.get(reverse("comments_admin:queue"), {"tab": "pending"}).content.decode()
    assert "Faut-il s&#x27;inscrire" in queue
    client.post(reverse("comments_admin:queue") + "?tab=pending", {"items": [question.pk], "action": "approve"})
    client.logout()
    assert "Faut-il s&#x27;inscrire" in client.get(workshop.url).content.decode()
    assert any(message.subject == "Votre question est publiée" for message in outbox)


def test_a_rejection_is_emailed_with_its_reason(client, workshop, resident, moderator, outbox):
    asker = resident("Curieuse", language="es")
    question = services.post(asker, workshop, services.Post(text="Question hors sujet", kind=Kind.QUESTION))
    services.moderate(moderator, [question], "reject", reason="Sans rapport avec l'atelier")
    question.refresh_from_db()
    assert question.status == Status.REJECTED
    [message] = outbox
    assert message.to == [asker.email] and message.subject == "Su pregunta no fue publicada"
    assert "Sans rapport avec l'atelier" in message.body


def test_an_official_answer_shows_beneath_with_a_badge_and_in_the_faq(
    client, workshop, resident, moderator, organiser, outbox
):
    asker = resident("Curieuse")
    question = services.post(asker, workshop, services.Post(text="Y a-t-il une garderie ?", kind=Kind.QUESTION))
    services.moderate(moderator, [question], "approve")
    other = services.post(asker, workshop, services.Post(text="Et le parking ?", kind=Kind.QUESTION))
    services.moderate(moderator, [other], "approve")
    outbox.clear()

    client.force_login(organiser)
    listing = client.get(reverse("comments_admin:questions")).content.decode()
    assert "Y a-t-il une garderie" in listing
    client.post(reverse("comments_admin:answer", args=[question.pk]), {"text": "Oui, pour les 3-10 ans."})
    assert Answer.objects.get().author == organiser
    assert [message.to for message in outbox] == [[asker.email]]
    client.logout()

    body = client.get(workshop.url).content.decode()
    assert "Questions fréquentes" in body and "Réponse officielle" in body
    assert body.index("Y a-t-il une garderie") < body.index("Oui, pour les 3-10 ans.")
    answered = client.get(workshop.url, {"questions": "answered"}).content.decode()
    assert "garderie" in answered and "parking" not in answered
    unanswered = client.get(workshop.url, {"questions": "unanswered"}).content.decode()
    assert "parking" in unanswered and "garderie" not in unanswered


def test_a_question_about_a_session(client, workshop, resident):
    from tests import factories

    session = factories.SessionFactory(workshop=workshop)
    client.force_login(resident())
    ask(client, workshop, "Y aura-t-il un interprète ?", session=session.pk)
    assert PortalComment.objects.get().session == session
    response = ask(client, workshop, "Et ici ?", session=999999)
    assert response.status_code == 200
    assert PortalComment.objects.count() == 1


def test_moderators_do_not_answer_and_pending_questions_cannot_be_answered(
    client, workshop, resident, moderator, organiser
):
    question = services.post(resident(), workshop, services.Post(text="?", kind=Kind.QUESTION))
    client.force_login(moderator)
    assert client.get(reverse("comments_admin:questions")).status_code == 302
    with pytest.raises(services.Refused):
        services.answer(organiser, question, "trop tôt")
    client.force_login(organiser)
    assert client.get(reverse("comments_admin:answer", args=[question.pk]), follow=True).status_code == 404


def test_questions_can_be_reported(workshop, resident, moderator):
    question = services.post(resident(), workshop, services.Post(text="Question", kind=Kind.QUESTION))
    with pytest.raises(services.Refused):
        services.report(resident("T"), question, "spam")  # not public yet
    services.moderate(moderator, [question], "approve")
    services.report(resident("T"), question, "spam")
    assert question.reports.count() == 1


def test_councils_take_comments_but_not_questions(client, site_tree, resident):
    from tests import factories

    council = factories.CouncilPageFactory(parent=site_tree["homes"]["fr"])
    client.force_login(resident())
    body = client.get(council.url).content.decode()
    assert "Ajouter un commentaire" in body and "Poser une question" not in body
    assert client.post(reverse("comments:ask", args=[council.pk]), {"text": "?"}).status_code == 404
    client.post(reverse("comments:post", args=[council.pk]), {"text": "Bravo au conseil"})
    assert "Bravo au conseil" in client.get(council.url).content.decode()
