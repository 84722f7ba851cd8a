"""What the search keeps in the database: engine writes waiting to be made, and what visitors look for."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexChange(models.Model):
    """A page to write to, or remove from, one language's engine index, kept until the engine took it.

    Every change goes through this table, so a change made while the engine is down is not lost: it
    waits here until ``search_catch_up`` (or the next change) finds the engine back.
    """

    language = models.CharField(max_length=8)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=50)
    remove = models.BooleanField(default=False)
    queued_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "content_type", "object_id"], name="one_pending_change_per_object"
            )
        ]

    def __str__(self):
        return f"{'remove' if self.remove else 'index'} {self.content_type_id}:{self.object_id} ({self.language})"


class SearchTerm(models.Model):
    """How often a query was searched for on one day in one language, and how often it found nothing."""

    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("search terms"), max_length=200)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["language", "query", "day"], name="one_search_term_per_day")]

    def __str__(self):
        return self.query
