"""Telling endorsers, in their language, that the City's answer or an action's status changed."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from archive.models import ActionStatus, Answer, Change, Endorsement, FollowUpEvent
from outbox import sending
from portal.emails import absolute, compose, link_token, read_link_token
from portal.pages import pages_in

KIND = "archive.follow_up"
UNSUBSCRIBE_SALT = "archive.unsubscribe"
LABELS = {Change.ANSWER: dict(Answer.choices), Change.STATUS: dict(ActionStatus.choices)}


def send_later(endorsement_id, event_ids):
    sending.send_later(KIND, endorsement_id=endorsement_id, event_ids=event_ids)


def unsubscribe_token(endorsement_id):
    return link_token(endorsement_id, UNSUBSCRIBE_SALT)


def endorsement_in(token):
    """The endorsement id in an unsubscribe link, or None if the link was altered."""
    return read_link_token(token, UNSUBSCRIBE_SALT)


@sending.builder(KIND)
def build_follow_up_email(payload):
    """None once the endorsement is withdrawn, its emails stopped, or the page unpublished."""
    endorsement = (
        Endorsement.objects.select_related("user")
        .filter(pk=payload["endorsement_id"], notify=True, user__is_active=True)
        .exclude(user__email="")
        .first()
    )
    if endorsement is None:
        return None
    with translation.override(endorsement.user.preferred_language or settings.LANGUAGE_CODE):
        page = pages_in(Locale.get_active(), [endorsement.translation_key]).get(endorsement.translation_key)
        if page is None:
            return None
        page = page.specific
        descriptions = {action.translation_key: action.description for action in page.actions.all()}
        changes = [
            {
                "change": event.change,
                "action": descriptions.get(event.action_key, ""),
                "value": LABELS[event.change].get(event.value, event.value),
                "previous": LABELS[event.change].get(event.previous, event.previous),
            }
            for event in FollowUpEvent.objects.filter(pk__in=payload["event_ids"]).order_by("pk")
        ]
        unsubscribe_url = absolute(reverse("archive:unsubscribe", args=[unsubscribe_token(endorsement.pk)]))
        context = {
            "page": page,
            "recipient": endorsement.user,
            "changes": changes,
            "page_url": absolute(page.url or "/"),
            "unsubscribe_url": unsubscribe_url,
        }
        headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
        return compose("archive/email/follow_up.txt", context, to=[endorsement.user.email], headers=headers)
