"""Residents who support a recommendation: one endorsement per resident, shared by every translation."""

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import versions

ENDORSEMENTS = "endorsements"  # the version of every count and list of endorsers (``portal.versions``)


class Endorsement(models.Model):
    translation_key = models.UUIDField(db_index=True, help_text="The recommendation, in all its languages.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("resident"), on_delete=models.CASCADE, related_name="endorsements"
    )
    show_name = models.BooleanField(_("show my name in the list of endorsers"), default=True)
    notify = models.BooleanField(_("email me when the City's answer or an action changes"), default=False)
    created_at = models.DateTimeField(_("endorsed at"), default=timezone.now)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "user"], name="one_endorsement_per_resident"),
        ]

    def __str__(self):
        return f"{self.user} → {self.translation_key}"


def with_endorsement_counts(recommendations):
    """Each recommendation with ``endorsements``, its count, in one subquery."""
    versions.depends_on(ENDORSEMENTS)
    counts = (
        Endorsement.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return recommendations.annotate(endorsements=Coalesce(Subquery(counts, output_field=IntegerField()), 0))
