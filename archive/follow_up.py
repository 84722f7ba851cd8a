"""What happens when a recommendation or a report is published.

A recommendation's answer and its actions' due date, status and progress are one set of
facts shown in every language. When the source page (the one translations are made from)
is published, this module compares those facts with the last publication, keeps a dated
record of each change and of who made it, spreads the facts to the live translations at
once, and tells the endorsers who asked (through the outbox) when the answer or an
action's status changed. A translation published later takes the source's facts again.

A report moves its workshop along: published, to "recommendations delivered"; with its
deliberation, to "deliberation adopted", unless an editor keeps the workshop's status by hand.
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from archive import emails
from archive.models import (
    Action,
    Change,
    Endorsement,
    FollowUp,
    FollowUpEvent,
    RecommendationPage,
)
from archive.permissions import FOLLOW_UP_FIELDS
from workshops.models import WorkshopPage, WorkshopStatus

SHARED_PAGE_FIELDS = ("answer", "answered_on")
TOLD = {Change.ANSWER, Change.STATUS}  # what endorsers are emailed about; progress alone is not


def source_locale_id(page):
    """The locale translations of ``page`` are made from: wagtail-localize's source, else the default."""
    found = TranslationSource.objects.filter(object_id=page.translation_key).values_list("locale_id", flat=True)
    return found.first() or Locale.get_default().pk


def state_of(page):
    return {
        "answer": page.answer,
        "actions": {
            str(action.translation_key): {"status": action.status, "progress": action.shown_percent}
            for action in page.actions.all()
        },
    }


def changes_between(before, after):
    """(change, action key or None, new value, previous value) for each fact that differs."""
    found = []
    if before.get("answer") != after["answer"]:
        found.append((Change.ANSWER, None, after["answer"], before.get("answer", "")))
    old_actions = before.get("actions", {})
    for key, now in after["actions"].items():
        then = old_actions.get(key, {})
        if then.get("status") != now["status"]:
            found.append((Change.STATUS, key, now["status"], then.get("status", "")))
        if then and then.get("progress") != now["progress"]:
            found.append((Change.PROGRESS, key, str(now["progress"]), str(then.get("progress", ""))))
    return found


def recommendation_published(page, user=None):
    if page.locale_id != source_locale_id(page):
        take_shared_facts(page)
        return
    after = state_of(page)
    with transaction.atomic():
        follow_up, _created = FollowUp.objects.select_for_update().get_or_create(translation_key=page.translation_key)
        events = [
            FollowUpEvent(
                translation_key=page.translation_key,
                action_key=action_key,
                change=change,
                value=value,
                previous=previous,
                by=user,
            )
            for change, action_key, value, previous in changes_between(follow_up.state, after)
        ]
        FollowUpEvent.objects.bulk_create(events)
        follow_up.state = after
        follow_up.save(update_fields=["state"])
        spread(page)
        told = [event for event in events if event.change in TOLD and event.previous]  # not a first publication
        if told:
            for endorsement_id in Endorsement.objects.filter(
                translation_key=page.translation_key, notify=True
            ).values_list("pk", flat=True):
                emails.send_later(endorsement_id, [event.pk for event in told])


def spread(source):
    """Copy the shared facts of ``source`` to its translations' live rows (texts stay as translated)."""
    others = RecommendationPage.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
    others.update(**{name: getattr(source, name) for name in SHARED_PAGE_FIELDS}, progress=source.progress)
    for action in source.actions.all():
        Action.objects.filter(translation_key=action.translation_key).exclude(pk=action.pk).update(
            **{name: getattr(action, name) for name in FOLLOW_UP_FIELDS}
        )


def take_shared_facts(translation):
    """A translation just published shows the source's facts, whatever its revision held."""
    source = (
        RecommendationPage.objects.filter(
            translation_key=translation.translation_key, locale_id=source_locale_id(translation)
        )
        .exclude(pk=translation.pk)
        .first()
    )
    if source is None:
        return
    values = {name: getattr(source, name) for name in SHARED_PAGE_FIELDS}
    RecommendationPage.objects.filter(pk=translation.pk).update(**values, progress=source.progress)
    for action in source.actions.all():
        Action.objects.filter(translation_key=action.translation_key, page=translation).update(
            **{name: getattr(action, name) for name in FOLLOW_UP_FIELDS}
        )


def report_published(report):
    """Move the workshop (every translation) forward, and date its recommendations from the report."""
    year = report.delivered_on.year if report.delivered_on else None
    RecommendationPage.objects.child_of(report).update(delivered_on=report.delivered_on, year=year)
    target = (
        WorkshopStatus.DELIBERATION_ADOPTED if report.has_deliberation else WorkshopStatus.RECOMMENDATIONS_DELIVERED
    )
    workshop = report.get_parent()
    order = WorkshopStatus.values
    for translation in WorkshopPage.objects.filter(translation_key=workshop.translation_key, status_by_hand=False):
        if order.index(translation.status) < order.index(target):
            set_status(translation, target)


def set_status(workshop, status):
    """The live row and the latest revision, so the next edit in the admin starts from the new status."""
    WorkshopPage.objects.filter(pk=workshop.pk).update(status=status)
    revision = workshop.latest_revision
    if revision is not None and isinstance(revision.content, dict):
        revision.content["status"] = status
        revision.save(update_fields=["content"])
