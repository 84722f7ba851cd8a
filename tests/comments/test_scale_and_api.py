"""A page with hundreds of comments costs the same queries as one with ten; the API is safe to expose."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail.models import PageViewRestriction

from comments import services
from comments.models import Discussion, PortalComment, Status
from comments.threads import REPLIES_SHOWN, THREADS_PER_PAGE
from tests import factories

pytestmark = pytest.mark.django_db


def fill(workshop, authors, count):
    """``count`` comments: every fourth is a thread, the others reply in it, some liked."""
    discussion = services.discussion_of(workshop)
    content_type = ContentType.objects.get_for_model(Discussion)
    root = None
    for n in range(count):
        comment = PortalComment(
            discussion=discussion,
            content_type=content_type,
            object_pk=str(discussion.pk),
            site_id=1,
            user=authors[n % len(authors)],
            comment=f"Commentaire numéro {n}",
            submit_date=timezone.now(),
            language="fr",
            parent_id=root.pk if root and n % 4 else 0,
        )
        comment.save()
        if n % 4 == 0:
            root = comment
        if n % 3 == 0:
            CommentFlag.objects.create(
                user=authors[(n + 1) % len(authors)], comment=comment, flag=LIKEDIT_FLAG, flag_date=timezone.now()
            )


def page_queries(client, workshop, django_assert_max_num_queries, limit):
    """Queries of an uncached render, once Wagtail's own per-process caches are warm."""
    client.get(workshop.url)
    cache.clear()
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(workshop.url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("signed_in", [False, True])
def test_queries_do_not_grow_with_the_number_of_comments(
    client, workshop, resident, django_assert_max_num_queries, signed_in
):
    authors = [resident(f"Auteur {n}") for n in range(5)]
    if signed_in:
        client.force_login(resident("Lectrice"))
    fill(workshop, authors, 10)
    few = page_queries(client, workshop, django_assert_max_num_queries, 44)  # with the archive and impact sections
    fill(workshop, authors, 490)
    assert PortalComment.objects.count() == 500
    many = page_queries(client, workshop, django_assert_max_num_queries, few)
    assert many == few, f"{few} queries with 10 comments, {many} with 500"
    body = client.get(workshop.url).content.decode()
    assert body.count('class="comment comment--level-0') == THREADS_PER_PAGE
    assert "Plus de commentaires" in body


def test_long_threads_show_their_first_replies_then_a_link(client, workshop, resident):
    authors = [resident(f"Auteur {n}") for n in range(3)]
    say = services.post
    root = say(authors[0], workshop, services.Post(text="Le sujet"))
    for n in range(REPLIES_SHOWN + 5):
        say(authors[1 + n % 2], workshop, services.Post(text=f"réponse {n}", parent_id=root.pk))
        PortalComment.objects.filter(user__in=authors).update(submit_date=timezone.now() - timezone.timedelta(hours=1))
    body = client.get(workshop.url).content.decode()
    assert f"réponse {REPLIES_SHOWN - 1}<" in body and f"réponse {REPLIES_SHOWN}<" not in body
    assert "Voir 5 réponses de plus" in body
    thread = client.get(workshop.url, {"comment": root.pk}).content.decode()
    assert f"réponse {REPLIES_SHOWN + 4}<" in thread


def test_cached_copy_for_visitors_costs_one_query(client, workshop, resident, django_assert_max_num_queries):
    fill(workshop, [resident()], 50)
    client.get(workshop.url)
    with django_assert_max_num_queries(40) as uncached:
        client.get(workshop.url, {"sort": "newest"})
    with django_assert_max_num_queries(40) as cached:
        client.get(workshop.url, {"sort": "newest"})
    discussion_queries = len(uncached) - len(cached)
    assert discussion_queries >= 4  # threads, replies, likes, questions… only when not cached


def api(client, target, **params):
    return client.get(reverse("comments:api", args=[target.pk]), params)


def test_the_api_paginates_published_comments(client, workshop, resident):
    fill(workshop, [resident()], 120)
    hidden = PortalComment.objects.order_by("pk")[4]  # a thread with replies: shown as a marker
    PortalComment.objects.filter(pk=hidden.pk).update(status=Status.HIDDEN, public_reason="injure")
    first = api(client, workshop).json()
    assert first["count"] == 120 and len(first["results"]) == 50
    assert first["previous"] is None and "page=2" in first["next"]
    marker = next(item for item in first["results"] if item["id"] == hidden.pk)
    assert marker["text"] is None and marker["status"] == "hidden"
    last = api(client, workshop, page=3).json()
    assert len(last["results"]) == 20 and last["next"] is None
    assert api(client, workshop, page=4).status_code == 404
    assert api(client, workshop, page="x").status_code == 404


def test_the_api_hides_questions_in_moderation(client, workshop, resident):
    services.post(resident(), workshop, services.Post(text="En attente", kind="question"))
    services.post(resident(), workshop, services.Post(text="Visible"))
    assert [item["text"] for item in api(client, workshop).json()["results"]] == ["Visible"]


def test_the_api_refuses_unpublished_private_and_foreign_pages(client, site_tree, workshop, resident):
    services.post(resident(), workshop, services.Post(text="secret"))
    assert client.get(f"/en/comments/api/page/{workshop.pk}/").status_code == 404  # French page, English API
    english = site_tree["workshops"]["en"]
    assert client.get(f"/en/comments/api/page/{english.pk}/").json()["count"] == 1  # the shared thread

    PageViewRestriction.objects.create(page=workshop, restriction_type=PageViewRestriction.LOGIN)
    assert api(client, workshop).status_code == 404
    draft = factories.WorkshopPageFactory(parent=site_tree["indexes"]["fr"], live=False)
    assert api(client, draft).status_code == 404
    assert client.get(reverse("comments:api", args=[999999])).status_code == 404


def test_the_api_filters_by_language_written(client, site_tree, workshop, resident):
    services.post(resident(), workshop, services.Post(text="en français"))
    with __import__("django.utils.translation").utils.translation.override("en"):
        services.post(resident(), site_tree["workshops"]["en"], services.Post(text="in English"))
    results = api(client, workshop, language="en").json()["results"]
    assert [item["text"] for item in results] == ["in English"]


def test_the_stock_xtd_api_is_not_exposed(client):
    assert client.get("/comments/api/feedback/", follow=True).status_code == 404
    assert client.get("/fr/comments/api/1/1/").status_code == 404
