"""What the City did with a recommendation over time: who changed the answer or an action, and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FollowUp(models.Model):
    """The answer and actions as last published, to tell what a new publication changed."""

    translation_key = models.UUIDField(unique=True)
    state = models.JSONField(default=dict)

    class Meta:
        permissions = [("record_follow_up", "Can record the City's answer and the progress of actions")]

    def __str__(self):
        return str(self.translation_key)


class Change(models.TextChoices):
    ANSWER = "answer", _("Answer")
    STATUS = "status", _("Action status")
    PROGRESS = "progress", _("Action progress")


class FollowUpEvent(models.Model):
    translation_key = models.UUIDField(help_text="The recommendation, in all its languages.")
    action_key = models.UUIDField(null=True, blank=True, help_text="The action, in all its languages.")
    change = models.CharField(_("change"), max_length=16, choices=Change.choices)
    value = models.CharField(_("new value"), max_length=32)
    previous = models.CharField(_("previous value"), max_length=32, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up change")
        verbose_name_plural = _("follow-up changes")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["translation_key", "at"])]

    def __str__(self):
        return f"{self.change}: {self.previous} → {self.value}"
