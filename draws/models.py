"""A workshop's draw by lot: the call for candidates, the pool, the quotas and the result.

The protocol is in the order of ``DrawStatus``: the pool and quotas are frozen and
their SHA-256 published; the fairest distribution of panels is computed and
rounded to a lottery of m equally likely panels, whose hash is published; then
the public randomness announced in advance picks one of them. From the freeze
on, nothing that the result depends on can change.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The features the portal asks residents for; imported files may use these names too.
GENDER, AGE, DISTRICT = "gender", "age", "district"
GENDERS = [("woman", _("Woman")), ("man", _("Man")), ("other", _("Another gender or prefer to describe"))]
AGE_BANDS = [("16-29", _("16 to 29")), ("30-44", _("30 to 44")), ("45-64", _("45 to 64")), ("65+", _("65 or over"))]


class DrawStatus(models.TextChoices):
    OPEN = "open", _("Call for candidates open")
    FROZEN = "frozen", _("Pool and quotas frozen")
    COMPUTING = "computing", _("Computing the fairest distribution")
    LOTTERY = "lottery", _("Lottery of panels published, waiting for the public randomness")
    DRAWN = "drawn", _("Drawn and published")


FALLBACK = "maximin-fallback"  # the engine's name for the mix it gives when its time runs out
DRAWS = "draws"  # the version of where every draw stands, shown on workshop pages (``portal.versions``)


class Draw(models.Model):
    workshop = models.ForeignKey(
        "workshops.WorkshopPage", verbose_name=_("workshop"), on_delete=models.PROTECT, related_name="draws"
    )
    panel_size = models.PositiveSmallIntegerField(_("residents to draw"), default=17)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    closes_at = models.DateTimeField(_("applications close at"))
    randomness_method = models.TextField(
        _("how the public randomness will be produced"),
        max_length=1000,
        help_text=_(
            "Announced before the draw, e.g. “five ten-sided dice rolled in public at the council meeting of "
            "12 March; the digits are typed in as they fall”."
        ),
    )
    lottery_size = models.PositiveIntegerField(_("panels in the lottery"), default=1000)
    status = models.CharField(_("status"), max_length=16, choices=DrawStatus.choices, default=DrawStatus.OPEN)

    pool_sha256 = models.CharField(_("SHA-256 of the pool"), max_length=64, blank=True)
    quotas_sha256 = models.CharField(_("SHA-256 of the quotas"), max_length=64, blank=True)
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    algorithm = models.CharField(_("algorithm used"), max_length=32, blank=True)
    lottery_sha256 = models.CharField(_("SHA-256 of the lottery"), max_length=64, blank=True)
    lottery_published_at = models.DateTimeField(_("lottery published at"), null=True, blank=True)
    randomness = models.CharField(_("public randomness"), max_length=200, blank=True)
    lottery_index = models.PositiveIntegerField(_("panel drawn (index in the lottery)"), null=True, blank=True)
    drawn_at = models.DateTimeField(_("drawn at"), null=True, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drawn by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    audit = models.JSONField(_("audit record"), default=dict, blank=True, editable=False)
    # while computing, the engine's last ``Progress``; afterwards what the public page says about it
    computation = models.JSONField(_("computation"), default=dict, blank=True, editable=False)
    cancel_requested = models.BooleanField(_("cancel requested"), default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        permissions = [("run_draw", "Can freeze, compute and run a draw")]

    def __str__(self):
        return f"{self.workshop.title} ({self.get_status_display()})"

    @property
    def fell_back(self):
        """Whether the time ran out before the fairest distribution was reached."""
        return self.algorithm == FALLBACK

    @property
    def is_open(self):
        return self.status == DrawStatus.OPEN and timezone.now() < self.closes_at

    @property
    def is_frozen(self):
        return self.status != DrawStatus.OPEN


class Quota(models.Model):
    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="quotas")
    category = models.CharField(_("category"), max_length=50)
    value = models.CharField(_("value"), max_length=100)
    minimum = models.PositiveSmallIntegerField(_("minimum"))
    maximum = models.PositiveSmallIntegerField(_("maximum"))

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["category", "value"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "category", "value"], name="one_quota_per_value"),
            models.CheckConstraint(condition=models.Q(minimum__lte=models.F("maximum")), name="quota_min_le_max"),
        ]

    def __str__(self):
        return f"{self.category}={self.value} [{self.minimum}, {self.maximum}]"


class Source(models.TextChoices):
    ONLINE = "online", _("Applied on the site")
    IMPORTED = "imported", _("Imported from a file")


class Outcome(models.TextChoices):
    POOL = "pool", _("In the pool")
    SELECTED = "selected", _("Drawn")
    ALTERNATE = "alternate", _("Alternate")
    INVITED = "invited", _("Alternate invited to take a seat")
    DECLINED = "declined", _("Declined the seat")


class Candidacy(models.Model):
    """A person in a draw's pool, with the features the quotas use."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="candidacies")
    reference = models.CharField(
        _("reference"), max_length=64, help_text=_("The random id published in the audit, never the person's own.")
    )
    file_id = models.CharField(
        _("id in the imported file"),
        max_length=200,
        blank=True,
        help_text=_("Kept for the staff to match people back to their file; never published."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="candidacies"
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language for emails"), max_length=8, choices=settings.LANGUAGES, default="fr")
    features = models.JSONField(_("features"), default=dict)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.POOL)
    alternate_rank = models.PositiveIntegerField(_("rank among alternates"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "reference"], name="one_reference_per_draw"),
            models.UniqueConstraint(
                fields=["draw", "user"], condition=models.Q(user__isnull=False), name="one_candidacy_per_resident"
            ),
        ]

    def __str__(self):
        return self.reference
