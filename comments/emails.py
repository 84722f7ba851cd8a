"""Emails about discussions, sent after the change commits, in each recipient's language.

A task carries only ids, so it can run later in a worker; it reads the comment
and the recipient again and does nothing if either is gone.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Locale

from comments.models import PortalComment
from comments.permissions import MODERATE
from portal.emails import absolute, compose

UNSUBSCRIBE_SALT = "comments.unsubscribe"


def send_later(template, comment, recipient_id, **data):
    transaction.on_commit(lambda: send_comment_email.enqueue(template, comment.pk, recipient_id, data))


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
    return signing.dumps(comment.pk, salt=UNSUBSCRIBE_SALT)


def comment_from_token(token):
    """The comment id in an unsubscribe link, or None if the link was altered."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


@task()
def send_comment_email(template, comment_id, recipient_id, data):
    comment = PortalComment.objects.select_related("discussion", "user").filter(pk=comment_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).exclude(email="").first()
    if comment is None or recipient is None:
        return False
    with translation.override(recipient.preferred_language or "fr"):
        page = comment.discussion.page(locale=_locale())
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
        compose(f"portal_comments/email/{template}.txt", context, to=[recipient.email], headers=headers).send()
    return True


def _locale():
    return Locale.get_active()
