"""Workshop sessions.

A session is one identity shared by every translation of its workshop: seats and
registrations hang off this row, never off a per-language copy.
Only its title and description vary by language, in ``SessionText``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale
from wagtail.search import index

from portal import restrictions
from portal.languages import best


class SessionQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def of_workshop(self, page):
        """Sessions of a workshop, whichever translation of it is given."""
        return self.filter(workshop__translation_key=page.translation_key).order_by("start")

    def _workshops(self):
        """The workshop pages (the model the ``workshop`` key points to, declared by name to avoid a loop)."""
        return self.model._meta.get_field("workshop").related_model.objects

    def published_in(self, locale):
        """Sessions whose workshop is live and public in ``locale``."""
        live_keys = restrictions.public(self._workshops().live().filter(locale=locale)).values("translation_key")
        return self.filter(workshop__translation_key__in=live_keys)

    def for_display(self, locale):
        """Sessions with their text and their workshop in ``locale``, in three queries.

        Each session gets ``local_text`` (falling back to any language, with its
        locale so templates can mark it) and ``local_workshop`` (None when that
        workshop is not live in ``locale``).
        """
        sessions = list(
            self.select_related("workshop").prefetch_related(
                models.Prefetch("texts", SessionText.objects.select_related("locale"))
            )
        )
        keys = {session.workshop.translation_key for session in sessions}
        local_workshops = {
            page.translation_key: page
            for page in restrictions.public(self._workshops().live().filter(locale=locale, translation_key__in=keys))
        }
        for session in sessions:
            session.local_text = session.text_in(locale)
            session.local_workshop = local_workshops.get(session.workshop.translation_key)
        return sessions


class Session(ClusterableModel):
    workshop = models.ForeignKey(
        "workshops.WorkshopPage",
        verbose_name=_("workshop"),
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text=_("Any translation of the workshop: the session is shown in all of them."),
    )
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    venue_name = models.CharField(_("venue"), max_length=150)
    venue_address = models.CharField(_("address"), max_length=255)
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For sessions that can be followed online."))
    capacity = models.PositiveIntegerField(_("seats"), help_text=_("How many people the venue can welcome."))
    reserved_seats = models.PositiveIntegerField(
        _("reserved seats"),
        default=0,
        help_text=_("Seats kept aside (speakers, staff, interpreters) and never offered for registration."),
    )
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    residents_only = models.BooleanField(
        _("residents only"),
        default=True,
        help_text=_("Only people living in one of the city's districts may register."),
    )
    open_to_public = models.BooleanField(
        _("open to the public"), default=False, help_text=_("Otherwise only the workshop's members attend.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes at"), null=True, blank=True)
    childcare_places = models.PositiveSmallIntegerField(_("childcare places"), default=0)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("workshop"),
        InlinePanel("texts", label=_("Title and description"), heading=_("Text in each language"), min_num=1),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("map_url"), FieldPanel("online_url")],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("reserved_seats"), FieldPanel("childcare_places")]),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("residents_only")]),
                FieldPanel("open_to_public"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
            ],
            heading=_("Seats and registration"),
        ),
    ]

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="session_ends_after_start"),
            models.CheckConstraint(
                condition=models.Q(reserved_seats__lte=models.F("capacity")), name="session_reserves_within_capacity"
            ),
        ]

    def __str__(self):
        text = self.text_in(Locale.get_active())
        label = text.title if text else self.venue_name
        return f"{label} ({timezone.localtime(self.start):%Y-%m-%d %H:%M})"

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("A session must end after it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.capacity is not None and self.reserved_seats > self.capacity:
            errors["reserved_seats"] = _("You cannot reserve more seats than the venue has.")
        if closes and self.end and closes > self.end:
            errors["registration_closes_at"] = _("Registration cannot close after the session has ended.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("registrations:session", args=[self.pk])

    @property
    def offered_seats(self):
        return self.capacity - self.reserved_seats

    def registration_state(self, now=None):
        """'over', 'not_yet_open', 'open' or 'closed', from the session's end, the window and its start."""
        now = now or timezone.now()
        if now >= self.end:
            return "over"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet_open"
        if now >= (self.registration_closes_at or self.start):
            return "closed"
        return "open"

    def next_change(self, now):
        """The next moment ``registration_state`` or the upcoming lists change by themselves, if any."""
        moments = (self.registration_opens_at, self.registration_closes_at, self.start, self.end)
        return min((moment for moment in moments if moment and moment > now), default=None)

    @property
    def is_over(self):
        return timezone.now() >= self.end

    def text_in(self, locale):
        """The text in the language ``portal.languages`` picks for ``locale``; uses prefetched texts."""
        return best({text.locale.language_code: text for text in self.texts.all()}, locale)


class SessionText(index.Indexed, models.Model):
    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="texts")
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    access_notes = models.TextField(
        _("access notes"), blank=True, help_text=_("How to get there: entrance, lift, public transport, parking…")
    )

    panels = [FieldPanel("locale"), FieldPanel("title"), FieldPanel("description"), FieldPanel("access_notes")]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
    ]

    class Meta:
        verbose_name = _("session text")
        verbose_name_plural = _("session texts")
        constraints = [
            models.UniqueConstraint(fields=["session", "locale"], name="one_session_text_per_language"),
        ]

    def __str__(self):
        return self.title
