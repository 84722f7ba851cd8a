"""Emails about discussions, through the outbox, in each recipient's language.

An outbox row carries only ids, so it can be sent later by a worker; the builder reads
the comment and the recipient again and sends nothing if either is gone.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from comments.models import PortalComment
from comments.permissions import MODERATE
from outbox import sending
from portal.emails import absolute, compose, link_token, read_link_token

UNSUBSCRIBE_SALT = "comments.unsubscribe"
KIND = "comments"


def send_later(template, comment, recipient_id, **data):
    """Record the email in the outbox with the change that causes it; it is sent after commit."""
    sending.send_later(KIND, template=template, comment_id=comment.pk, recipient_id=recipient_id, data=data)


def moderator_ids():
    app_label, codename = MODERATE.split(".")
    permission = Permission.objects.filter(codename=codename, content_type__app_label=app_label)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return list(
        users.filter(Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .distinct()
        .values_list("pk", flat=True)
    )


def unsubscribe_token(comment):
    return link_token(comment.pk, UNSUBSCRIBE_SALT)


def comment_from_token(token):
    """The comment id in an unsubscribe link, or None if the link was altered."""
    return read_link_token(token, UNSUBSCRIBE_SALT)


@sending.builder(KIND)
def build_comment_email(payload):
    """The email, in the recipient's language; None once the comment or the recipient is gone."""
    template, data = payload["template"], payload["data"]
    comment = PortalComment.objects.select_related("discussion", "user").filter(pk=payload["comment_id"]).first()
    recipient = get_user_model().objects.filter(pk=payload["recipient_id"], is_active=True).exclude(email="").first()
    if comment is None or recipient is None:
        return None
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        page = comment.discussion.page(locale=Locale.get_active())
        context = {
            "comment": comment,
            "recipient": recipient,
            "page": page,
            "data": data,
            "permalink": absolute(reverse("comments:permalink", args=[comment.pk])),
            "queue_url": absolute(reverse("comments_admin:item", args=[comment.pk])),
        }
        headers = {}
        if template == "reply":
            followed = PortalComment(pk=data["followed"])
            context["unsubscribe_url"] = absolute(reverse("comments:unsubscribe", args=[unsubscribe_token(followed)]))
            headers = {
                "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        return compose(f"portal_comments/email/{template}.txt", context, to=[recipient.email], headers=headers)
