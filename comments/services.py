"""Every change to discussions: posting, editing, likes, reports, moderation, answers, blocks.

Views and the admin call these and show ``Refused`` messages as they are. Each
change runs in a transaction that locks the row it depends on (the discussion
when posting, the comment when reporting), so threading order and the count of
reports that hides a comment stay right under parallel requests.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail.log_actions import log

from comments import emails
from comments.models import (
    Answer,
    Block,
    Discussion,
    Kind,
    Outcome,
    PortalComment,
    Report,
    Status,
    cache_version,
)
from portal import versions
from portal.pages import pages_in
from portal.refusals import Refused

MAX_LEVEL = settings.COMMENTS_XTD_MAX_THREAD_LEVEL


def discussion_of(page):
    return Discussion.objects.get_or_create(translation_key=page.translation_key)[0]


def block_in_force(user):
    return Block.objects.in_force().filter(user=user).order_by("-created_at").first()


def refuse_if_blocked(user):
    block = block_in_force(user)
    if block is None:
        return
    if block.ends_at:
        until = timezone.localtime(block.ends_at).strftime("%d/%m/%Y %H:%M")
        raise Refused(
            _("Your account cannot take part in discussions until %(until)s. Reason: %(reason)s")
            % {"until": until, "reason": block.reason}
        )
    raise Refused(_("Your account cannot take part in discussions. Reason: %(reason)s") % {"reason": block.reason})


@dataclass
class Post:
    text: str
    kind: str = Kind.COMMENT
    parent_id: int | None = None
    followup: bool = False
    session: object = None
    ip_address: str | None = None


RESENT_WITHIN = timedelta(minutes=2)


def post(user, page, new):
    """Publish a comment or reply, or submit a question for moderation."""
    if new.kind == Kind.QUESTION and not page.accepts_questions:
        raise Refused(_("Questions are not taken on this page."))
    if not page.comments_open:
        raise Refused(_("This discussion is closed."))
    refuse_if_blocked(user)
    now = timezone.now()
    with transaction.atomic():
        discussion = Discussion.objects.select_for_update().get(pk=discussion_of(page).pk)
        parent = _reply_target(discussion, new.parent_id) if new.parent_id else None
        already_sent = _just_sent(discussion, user, new, parent, now)
        if already_sent:
            return already_sent
        comment = PortalComment(
            discussion=discussion,
            content_type=ContentType.objects.get_for_model(Discussion),
            object_pk=str(discussion.pk),
            site_id=settings.SITE_ID,
            user=user,
            user_name=str(user.public_name)[:50],
            user_email=user.email,
            comment=new.text,
            submit_date=now,
            ip_address=new.ip_address,
            kind=new.kind,
            status=Status.PENDING if new.kind == Kind.QUESTION else Status.PUBLISHED,
            language=get_language(),
            session=new.session,
            followup=new.followup,
            parent_id=parent.pk if parent else 0,
        )
        comment.save()
        discussion.touch()
        if parent:
            _notify_followers(comment, parent)
    return comment


def _just_sent(discussion, user, new, parent, now):
    """The same text from the same person at the same place moments ago: a second click or a form
    sent again, which gets the comment already posted back rather than a copy. The discussion's row
    is locked by then, so two such requests in parallel see each other."""
    # django-comments-xtd gives a thread's first comment its own pk as parent_id: the level tells them apart
    same_place = {"level": 0} if parent is None else {"parent_id": parent.pk, "level": parent.level + 1}
    return (
        PortalComment.objects.filter(
            discussion=discussion,
            user=user,
            kind=new.kind,
            comment=new.text,
            submit_date__gte=now - RESENT_WITHIN,
            **same_place,
        )
        .order_by("-submit_date")
        .first()
    )


def _reply_target(discussion, parent_id):
    parent = PortalComment.objects.filter(pk=parent_id, discussion=discussion, kind=Kind.COMMENT).first()
    if parent is None or not parent.is_published:
        raise Refused(_("You can no longer reply to this comment: it was hidden, deleted or is not there any more."))
    if parent.level >= MAX_LEVEL:
        raise Refused(_("This conversation cannot go deeper. Reply to an earlier comment in the thread instead."))
    return parent


def _notify_followers(reply, parent):
    """Tell everyone up the thread who asked for replies, once each, never the replier."""
    told = {reply.user_id}
    comment = parent
    while comment is not None:
        if comment.followup and comment.user_id and comment.user_id not in told and comment.is_published:
            told.add(comment.user_id)
            emails.send_later("reply", reply, comment.user_id, followed=comment.pk)
        if comment.parent_id == comment.pk:
            break
        comment = PortalComment.objects.filter(pk=comment.parent_id).first()


def edit(user, comment, text):
    now = timezone.now()
    if comment.user_id != user.pk:
        raise Refused(_("You can only edit what you wrote."))
    if comment.status not in (Status.PUBLISHED, Status.PENDING):
        raise Refused(_("This can no longer be edited."))
    if now > comment.editable_until():
        raise Refused(
            _("Comments can be edited for %(minutes)s minutes after posting; that time is over.")
            % {"minutes": settings.COMMENTS_EDIT_MINUTES}
        )
    refuse_if_blocked(user)
    comment.comment = text
    comment.edited_at = now
    comment.save(update_fields=["comment", "edited_at"])
    comment.discussion.touch()


def delete(user, comment):
    """The author takes their text back; replies stay under a "comment deleted" marker."""
    if comment.user_id != user.pk:
        raise Refused(_("You can only delete what you wrote."))
    if comment.status == Status.DELETED:
        return
    comment.status = Status.DELETED
    comment.comment = ""
    comment.followup = False
    comment.save(update_fields=["status", "comment", "followup"])
    comment.reports.open().update(resolved_at=timezone.now())
    comment.discussion.touch()


def toggle_like(user, comment):
    """Like or unlike; True when the comment is now liked by ``user``."""
    if not comment.is_published:
        raise Refused(_("This comment can no longer be liked."))
    if comment.user_id == user.pk:
        raise Refused(_("You cannot like your own comment."))
    refuse_if_blocked(user)
    likes = CommentFlag.objects.filter(user=user, comment_id=comment.pk, flag=LIKEDIT_FLAG)
    with transaction.atomic():
        if likes.delete()[0]:
            liked = False
        else:
            try:
                with transaction.atomic():
                    CommentFlag.objects.create(
                        user=user, comment_id=comment.pk, flag=LIKEDIT_FLAG, flag_date=timezone.now()
                    )
            except IntegrityError:  # the same resident's parallel click got there first
                pass
            liked = True
    comment.discussion.touch()
    return liked


def report(user, comment, reason, details=""):
    """Record one resident's report; enough distinct reporters hide the item until a moderator decides."""
    refuse_if_blocked(user)
    with transaction.atomic():
        comment = PortalComment.objects.select_for_update().get(pk=comment.pk)
        if comment.status not in (Status.PUBLISHED, Status.AUTO_HIDDEN):
            raise Refused(_("This has been removed already; there is nothing left to report."))
        if comment.user_id == user.pk:
            raise Refused(_("You cannot report what you wrote yourself."))
        try:
            with transaction.atomic():
                Report.objects.create(comment=comment, reporter=user, reason=reason, details=details)
        except IntegrityError:
            raise Refused(_("You have already reported this. Moderators will look at it.")) from None
        open_reports = comment.reports.open().count()
        if comment.status == Status.PUBLISHED and open_reports >= settings.COMMENTS_REPORTS_TO_HIDE:
            comment.status = Status.AUTO_HIDDEN
            comment.save(update_fields=["status"])
            comment.discussion.touch()
            log(instance=comment, action="comments.auto_hide", user=None, data={"reports": open_reports})
            for moderator_id in emails.moderator_ids():
                emails.send_later("moderators_alert", comment, moderator_id)
    return comment


# Moderation: each action says which statuses it applies to and what it does.
ACTIONS = {
    "keep": [Status.PUBLISHED, Status.AUTO_HIDDEN],
    "hide": [Status.PUBLISHED, Status.AUTO_HIDDEN],
    "restore": [Status.AUTO_HIDDEN, Status.HIDDEN, Status.REMOVED],
    "remove": [Status.PUBLISHED, Status.AUTO_HIDDEN, Status.HIDDEN],
    "approve": [Status.PENDING],
    "reject": [Status.PENDING],
    "block": None,  # any status: blocking concerns the author
}
NEEDS_REASON = {"hide", "reject", "block"}
AUTHOR_EMAIL = {
    "hide": "author_hidden",
    "remove": "author_removed",
    "restore": "author_restored",
    "approve": "question_approved",
    "reject": "question_rejected",
    "block": "author_blocked",
}
REPORT_OUTCOME = {"keep": Outcome.KEPT, "restore": Outcome.KEPT, "hide": Outcome.HIDDEN, "remove": Outcome.REMOVED}


def moderate(moderator, comments, action, reason="", block_days=None):
    """Apply one decision to many items; returns how many it applied to (others are skipped)."""
    if action not in ACTIONS:
        raise Refused(_("Unknown action."))
    reason = reason.strip()
    if action in NEEDS_REASON and not reason:
        raise Refused(_("Give a reason: it is shown to the author."))
    applied = 0
    with transaction.atomic():
        for comment in comments:
            comment = PortalComment.objects.select_for_update().select_related("discussion").get(pk=comment.pk)
            allowed = ACTIONS[action]
            if allowed is not None and comment.status not in allowed:
                continue
            if action == "block":
                if comment.user_id is None or not _block(moderator, comment, reason, block_days):
                    continue
            else:
                _decide(moderator, comment, action, reason)
            applied += 1
    return applied


def _decide(moderator, comment, action, reason):
    was_hidden = comment.status == Status.AUTO_HIDDEN
    new_status = {
        "keep": Status.PUBLISHED,
        "restore": Status.PUBLISHED,
        "approve": Status.PUBLISHED,
        "hide": Status.HIDDEN,
        "remove": Status.REMOVED,
        "reject": Status.REJECTED,
    }[action]
    comment.status = new_status
    comment.public_reason = reason if action in ("hide", "remove", "reject") else ""
    comment.save(update_fields=["status", "public_reason"])
    comment.discussion.touch()
    log(instance=comment, action=f"comments.{action}", user=moderator, data={"reason": reason})

    if action in REPORT_OUTCOME:
        now = timezone.now()
        reporters = list(comment.reports.open().values_list("reporter_id", flat=True))
        comment.reports.open().update(resolved_at=now, outcome=REPORT_OUTCOME[action])
        for reporter_id in reporters:
            emails.send_later("reporter_outcome", comment, reporter_id, outcome=REPORT_OUTCOME[action])
    template = AUTHOR_EMAIL.get(action)
    if action == "keep" and was_hidden:
        template = "author_restored"
    if template and comment.user_id:
        emails.send_later(template, comment, comment.user_id, reason=reason)


def _block(moderator, comment, reason, days):
    if block_in_force(comment.user):
        return False
    ends_at = timezone.now() + timedelta(days=days) if days else None
    block = Block.objects.create(user=comment.user, reason=reason, ends_at=ends_at, created_by=moderator)
    log(instance=comment, action="comments.block", user=moderator, data={"reason": reason, "days": days})
    log(instance=block, action="comments.block", user=moderator, data={"reason": reason, "days": days})
    emails.send_later("author_blocked", comment, comment.user_id, reason=reason, days=days or 0)
    return True


def lift_block(moderator, block):
    if block.lifted_at:
        return
    block.lifted_at = timezone.now()
    block.lifted_by = moderator
    block.save(update_fields=["lifted_at", "lifted_by"])
    log(instance=block, action="comments.unblock", user=moderator)


def answer(staff, question, text):
    """Post or correct the official answer; the person who asked is told the first time."""
    question = PortalComment.objects.select_related("discussion").get(pk=question.pk)
    if not question.is_question or not question.is_published:
        raise Refused(_("Only published questions can be answered."))
    existing = Answer.objects.filter(question=question).first()
    with transaction.atomic():
        if existing:
            existing.text = text
            existing.author = staff
            existing.save(update_fields=["text", "author", "updated_at"])
        else:
            Answer.objects.create(question=question, text=text, author=staff)
        question.discussion.touch()
        log(instance=question, action="comments.answer", user=staff)
        if existing is None and question.user_id:
            emails.send_later("question_answered", question, question.user_id)


def unsubscribe(comment):
    PortalComment.objects.filter(pk=comment.pk).update(followup=False)


def comments_of(user, locale, limit=20):
    """A resident's latest comments and questions (deleted ones left out), each with
    ``shown_on``, its page in ``locale`` or else the first live translation; two queries."""
    comments = list(
        PortalComment.objects.filter(user=user)
        .exclude(status=Status.DELETED)
        .select_related("discussion")
        .order_by("-submit_date")[:limit]
    )
    return with_pages(comments, locale)


def with_pages(comments, locale):
    """Give each comment ``shown_on``: its page in ``locale``, else the first live translation (one query)."""
    pages = pages_in(locale, (comment.discussion.translation_key for comment in comments))
    for comment in comments:
        comment.shown_on = pages.get(comment.discussion.translation_key)
    return comments


def forget_old_addresses(now=None):
    """The network part of an address is kept for moderation while a discussion is fresh, then dropped."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.COMMENT_ADDRESS_RETENTION_DAYS)
    return {
        "comment addresses dropped": PortalComment.objects.filter(submit_date__lt=cutoff)
        .exclude(ip_address=None)
        .update(ip_address=None)
    }


def data_of(user, locale):
    """Everything the resident wrote, liked and reported, for their own download (four queries)."""
    comments = with_pages(
        list(PortalComment.objects.filter(user=user).select_related("discussion").order_by("submit_date")), locale
    )
    return {
        "comments": [
            {
                "id": comment.pk,
                "page": comment.shown_on.title if comment.shown_on else "",
                "kind": comment.kind,
                "status": comment.status,
                "language": comment.language,
                "text": comment.comment,
                "written_at": comment.submit_date.isoformat(),
                "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
                "reply_emails": comment.followup,
                "network_address": comment.ip_address,
            }
            for comment in comments
        ],
        "liked_comments": sorted(
            CommentFlag.objects.filter(user=user, flag=LIKEDIT_FLAG).values_list("comment_id", flat=True)
        ),
        "reports": [
            {"comment": r.comment_id, "reason": r.reason, "details": r.details, "reported_at": r.created_at.isoformat()}
            for r in Report.objects.filter(reporter=user).order_by("created_at")
        ],
    }


def forget_author(user):
    """Before an account is deleted: its comments stay in their threads, under “Former resident”.

    Name, email and address go; so do reply emails (``followup``). Likes by the account go
    with it (their flags cascade), so counts drop by one.
    """
    comments = PortalComment.objects.filter(user=user)
    # Every cached copy of these threads (and of those the account liked) still shows the name or the like.
    liked = PortalComment.objects.filter(flags__user=user).values("discussion_id")
    touched = Discussion.objects.filter(Q(pk__in=comments.values("discussion_id")) | Q(pk__in=liked))
    for translation_key in touched.values_list("translation_key", flat=True):
        versions.bump(cache_version(translation_key))
    touched.update(version=F("version") + 1)
    return comments.update(user_name="", user_email="", user_url="", ip_address=None, followup=False)
