"""The answer and progress are one set of facts in every language, with a dated history and emails to endorsers."""

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from archive import endorsing
from archive.models import Action, Endorsement, FollowUpEvent, RecommendationPage
from tests.conftest import translate


def test_publishing_the_source_spreads_the_answer_and_progress_to_every_translation(archive, editor):
    source = archive["recommendations"][0]
    english = translate(source, archive["locales"]["en"], title="Plant trees")
    source = RecommendationPage.objects.get(pk=source.pk)
    source.answer = "partially_accepted"
    action = source.actions.first()
    action.status, action.percent_done = "done", 60
    source.actions = [action]
    source.save_revision(user=editor).publish(user=editor)

    english = RecommendationPage.objects.get(pk=english.pk)
    assert english.answer == "partially_accepted" and english.title == "Plant trees"
    assert english.progress == "all_done"
    english_action = Action.objects.get(page=english)
    assert (english_action.status, english_action.percent_done) == ("done", 100)

    history = list(FollowUpEvent.objects.filter(translation_key=source.translation_key, by=editor))
    assert {(event.change, event.value, event.previous) for event in history} == {
        ("answer", "partially_accepted", "accepted"),
        ("status", "done", "in_progress"),
        ("progress", "100", "40"),
    }


def test_a_translation_published_with_an_old_answer_takes_the_source_answer(archive):
    source = archive["recommendations"][1]
    english = translate(source, archive["locales"]["en"], title="Open school yards", answer="accepted")
    assert RecommendationPage.objects.get(pk=english.pk).answer == "rejected"


def test_the_page_shows_the_history_of_changes(client, archive, editor):
    source = RecommendationPage.objects.get(pk=archive["recommendations"][1].pk)
    source.answer = "under_study"
    source.save_revision(user=editor).publish(user=editor)
    html = client.get(source.url).content.decode()
    assert 'id="history-title"' in html
    assert html.count("<time") >= 2  # the first answer, then the change


def test_endorsers_who_asked_are_told_in_their_language_and_unsubscribe_in_one_click(client, archive, resident, editor):
    source = RecommendationPage.objects.get(pk=archive["recommendations"][0].pk)
    translate(source, archive["locales"]["en"], title="Plant trees")
    santiago = resident("Santiago", "en", username="santiago")
    quiet = resident("Quiet", "fr", username="quiet")
    endorsing.endorse(santiago, source, notify=True)
    endorsing.endorse(quiet, source, notify=False)
    mail.outbox.clear()

    source = RecommendationPage.objects.get(pk=source.pk)
    source.answer = "rejected"
    source.save_revision(user=editor).publish(user=editor)

    assert [message.to for message in mail.outbox] == [[santiago.email]]
    message = mail.outbox[0]
    assert "Plant trees" in message.subject
    assert "“Rejected” (it was “Accepted”)" in message.body  # in English, Santiago's language
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    response = client.post(unsubscribe.replace("http://127.0.0.1:8000", ""))
    assert response.status_code == 200
    assert Endorsement.objects.get(user=santiago).notify is False

    mail.outbox.clear()
    source.answer = "accepted"
    source.save_revision(user=editor).publish(user=editor)
    assert mail.outbox == []


def test_progress_alone_sends_no_email(archive, resident, editor):
    source = RecommendationPage.objects.get(pk=archive["recommendations"][0].pk)
    endorsing.endorse(resident("Camille"), source, notify=True)
    mail.outbox.clear()
    action = source.actions.first()
    action.percent_done = 70
    source.actions = [action]
    source.save_revision(user=editor).publish(user=editor)
    assert mail.outbox == []


def test_an_altered_unsubscribe_link_says_so(client, db):
    response = client.get(reverse("archive:unsubscribe", args=["not-a-token"]))
    assert response.status_code == 404


def test_progress_outside_0_to_100_is_refused_in_the_admin_with_a_message(client, archive, editor):
    page = RecommendationPage.objects.get(pk=archive["recommendations"][0].pk)
    action = page.actions.first()
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": rich_text("<p>Texte</p>"),
            "theme": page.theme_id,
            "answer": "accepted",
            "answer_reasons": rich_text(""),
            "institutions": "",
            "comments_open": "on",
            "actions": inline_formset(
                [{"id": action.pk, "description": "Planter", "status": "in_progress", "percent_done": "150"}]
            ),
            "milestones": inline_formset([]),
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "100" in str(response.context["form"].formsets["actions"].errors)
    assert Action.objects.get(pk=action.pk).percent_done == 40


def test_only_those_with_the_permission_record_the_answer(client, archive, editor):
    """Editors record answers; a page editor without ``archive.record_follow_up`` changes texts only."""
    writers = Group.objects.create(name="Writers")
    writers.permissions.set(Group.objects.get(name="Editors").permissions.exclude(codename="record_follow_up"))
    for permission in Group.objects.get(name="Editors").page_permissions.all():
        writers.page_permissions.create(page=permission.page, permission=permission.permission)
    writer = type(editor).objects.create_user("writer", "writer@example.org", "a-long-test-password")
    writer.groups.add(writers)
    assert not writer.has_perm("archive.record_follow_up") and Permission.objects.filter(codename="record_follow_up")

    page = RecommendationPage.objects.get(pk=archive["recommendations"][0].pk)
    action = page.actions.first()
    client.force_login(writer)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(edit).context["form"]
    assert "answer" not in form.fields and "answer_reasons" not in form.fields
    assert form.formsets["actions"].forms[0].fields["status"].disabled
    data = nested_form_data(
        {
            "title": "Planter des arbres partout",
            "slug": page.slug,
            "body": rich_text("<p>Texte</p>"),
            "theme": page.theme_id,
            "answer": "rejected",
            "institutions": "",
            "comments_open": "on",
            "actions": inline_formset(
                [{"id": action.pk, "description": "Planter", "status": "done", "percent_done": "10"}]
            ),
            "milestones": inline_formset([]),
            "action-publish": "publish",
        }
    )
    client.post(edit, data)
    page = RecommendationPage.objects.get(pk=page.pk)
    assert page.title == "Planter des arbres partout"
    assert page.answer == "accepted"
    assert (Action.objects.get(pk=action.pk).status, Action.objects.get(pk=action.pk).percent_done) == (
        "in_progress",
        40,
    )
