"""Public discussion of pages: comments, questions, likes, reports and blocks.

Comments are django-comments-xtd comments (threading, likes) attached to a
``Discussion``, one per ``translation_key``, so every translation of a page shares
one thread. Whether a comment shows is its own ``status``: hiding or deleting a
comment never hides its replies.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from portal import versions
from portal.pages import pages_in


class Discussion(models.Model):
    """The thread of one page in all its languages."""

    translation_key = models.UUIDField(unique=True)
    version = models.PositiveIntegerField(default=0, help_text="Bumped on every change; part of the cache key.")

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        page = self.page()
        return page.title if page else str(self.translation_key)

    def page(self, locale=None):
        """The live page in the language ``portal.languages`` picks for ``locale``."""
        page = pages_in(locale, [self.translation_key]).get(self.translation_key)
        return page.specific if page else None

    def touch(self):
        Discussion.objects.filter(pk=self.pk).update(version=models.F("version") + 1)
        versions.bump(cache_version(self.translation_key))


def cache_version(translation_key):
    """The name of a discussion's version in the cache, for the pages that show it (``portal.versions``)."""
    return f"discussion:{translation_key}"


class Kind(models.TextChoices):
    COMMENT = "comment", _("Comment")
    QUESTION = "question", _("Question")


class Status(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Awaiting moderation")
    AUTO_HIDDEN = "auto_hidden", _("Hidden after reports")
    HIDDEN = "hidden", _("Hidden by moderation")
    REMOVED = "removed", _("Removed by moderation")
    REJECTED = "rejected", _("Rejected")
    DELETED = "deleted", _("Deleted by its author")


class PortalCommentQuerySet(models.QuerySet):
    def comments(self):
        return self.filter(kind=Kind.COMMENT)

    def questions(self):
        return self.filter(kind=Kind.QUESTION)

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def with_likes(self):
        return self.annotate(like_count=Count("flags", filter=Q(flags__flag=LIKEDIT_FLAG)))


class PortalComment(XtdComment):
    discussion = models.ForeignKey(
        Discussion, verbose_name=_("discussion"), on_delete=models.CASCADE, related_name="comments"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.COMMENT)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PUBLISHED)
    public_reason = models.CharField(
        _("reason shown to the public"),
        max_length=300,
        blank=True,
        help_text=_("Shown in place of the text when moderation hides it, and sent to the author."),
    )
    language = models.CharField(_("written in"), max_length=8, choices=settings.LANGUAGES)
    session = models.ForeignKey(
        "workshops.Session",
        verbose_name=_("about the session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    objects = PortalCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [
            ("moderate_comments", "Can moderate comments and questions"),
            ("answer_questions", "Can post official answers to questions"),
        ]
        indexes = [models.Index(fields=["discussion", "kind", "status"])]

    def __str__(self):
        return self.comment[:60]

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def is_question(self):
        return self.kind == Kind.QUESTION

    def editable_until(self):
        return self.submit_date + timedelta(minutes=settings.COMMENTS_EDIT_MINUTES)

    def author_name(self):
        if self.user_id and self.user:
            return self.user.public_name
        return self.user_name or _("Former resident")


class Answer(models.Model):
    """The official answer to a question, given by staff or organisers."""

    question = models.OneToOneField(PortalComment, on_delete=models.CASCADE, related_name="answer")
    text = models.TextField(_("official answer"), max_length=settings.COMMENT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("official answer")
        verbose_name_plural = _("official answers")

    def __str__(self):
        return self.text[:60]


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    OFFENSIVE = "offensive", _("Offensive or hateful")
    OFF_TOPIC = "off_topic", _("Off-topic or does not belong here")
    PERSONAL_DATA = "personal_data", _("Personal data")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    KEPT = "kept", _("kept: it breaks no rule")
    HIDDEN = "hidden", _("hidden")
    REMOVED = "removed", _("removed")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """One resident saying one comment or question is inappropriate."""

    comment = models.ForeignKey(PortalComment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports")
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_person")]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


class BlockQuerySet(models.QuerySet):
    def in_force(self, now=None):
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


class Block(models.Model):
    """A resident barred from posting, liking and reporting, for a time or until lifted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_blocks")
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(_("blocked at"), default=timezone.now)
    ends_at = models.DateTimeField(_("blocked until"), null=True, blank=True, help_text=_("Empty: until lifted."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("blocked by")
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self):
        return f"{self.user} ({self.reason})"
