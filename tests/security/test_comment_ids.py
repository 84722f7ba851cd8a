"""Every view that takes a comment id shows only what the visitor may see (issue 18, item 1):
ids are sequential, so typing one must not reveal a pending question or a hidden comment."""

import pytest
from django.urls import reverse

from comments.models import Kind, PortalComment, Status

pytestmark = pytest.mark.django_db

SECRET = "Texte que personne ne doit lire"


@pytest.mark.parametrize(
    "status", [Status.PENDING, Status.REJECTED, Status.AUTO_HIDDEN, Status.HIDDEN, Status.REMOVED, Status.DELETED]
)
@pytest.mark.parametrize("name", ["report", "edit", "delete", "permalink"])
def test_text_that_is_not_public_is_never_shown_to_another_resident(client, resident, say, status, name):
    comment = say(resident(), text=SECRET)
    PortalComment.objects.filter(pk=comment.pk).update(status=status)
    client.force_login(resident("Curieuse"))
    response = client.get(reverse(f"comments:{name}", args=[comment.pk]), follow=True)
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED])
def test_a_question_never_published_is_unknown_to_others(client, resident, workshop, status):
    from comments import services

    question = services.post(resident(), workshop, services.Post(text=SECRET, kind=Kind.QUESTION))
    PortalComment.objects.filter(pk=question.pk).update(status=status)
    client.force_login(resident("Curieuse"))
    for name in ("report", "like"):
        method = client.post if name == "like" else client.get
        assert method(reverse(f"comments:{name}", args=[question.pk])).status_code == 404


def test_the_author_still_sees_their_own_hidden_text(client, resident, say):
    author = resident()
    comment = say(author, text=SECRET)
    PortalComment.objects.filter(pk=comment.pk).update(status=Status.AUTO_HIDDEN)
    client.force_login(author)
    assert SECRET in client.get(reverse("comments:report", args=[comment.pk])).content.decode()
