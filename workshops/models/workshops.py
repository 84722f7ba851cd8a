"""Citizen project workshops: the topic, the city's expectations, seats and inclusion."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal import restrictions
from portal.blocks import BodyBlock
from portal.discussions import DiscussionMixin
from portal.panels import CONTENT_PANELS, PROMOTE_PANELS
from portal.sections import sections_for
from workshops.models.listing import ListingPage
from workshops.panels import SessionsPanel


class WorkshopStatus(models.TextChoices):
    """The lifecycle of a workshop, in the order it happens."""

    PROPOSED = "proposed", _("Proposed")
    SELECTED = "selected", _("Selected")
    CALL_FOR_CANDIDATES = "call_for_candidates", _("Call for candidates")
    DRAWN = "drawn", _("Panel drawn")
    IN_SESSION = "in_session", _("In session")
    RECOMMENDATIONS_DELIVERED = "recommendations_delivered", _("Recommendations delivered")
    DELIBERATION_ADOPTED = "deliberation_adopted", _("Deliberation adopted")


STATUS_DESCRIPTIONS = {
    WorkshopStatus.PROPOSED: _("The City proposed this topic and said what it expects."),
    WorkshopStatus.SELECTED: _("The councils prioritised it and the municipal council made the choice official."),
    WorkshopStatus.CALL_FOR_CANDIDATES: _("Residents can put themselves forward to be drawn by lot."),
    WorkshopStatus.DRAWN: _("The panel of residents was drawn by lot in public."),
    WorkshopStatus.IN_SESSION: _("The panel meets over its sessions."),
    WorkshopStatus.RECOMMENDATIONS_DELIVERED: _("The report of recommendations was handed to the City."),
    WorkshopStatus.DELIBERATION_ADOPTED: _("The municipal council adopted a deliberation answering the report."),
}

CURRENT_STATUSES = [WorkshopStatus.CALL_FOR_CANDIDATES, WorkshopStatus.DRAWN, WorkshopStatus.IN_SESSION]


class WorkshopPageQuerySet(PageQuerySet):
    def current(self):
        """Workshops residents can still join or follow as they happen."""
        return restrictions.public(self.live().filter(status__in=CURRENT_STATUSES))

    def in_locale_of(self, page):
        return self.filter(locale_id=page.locale_id)


class WorkshopIndexPage(ListingPage):
    subpage_types = ["workshops.WorkshopPage"]
    listed_model = "workshops.WorkshopPage"
    listed_related = ("theme", "territory")
    listed_ordering = ("-first_published_at",)
    card_template = "workshops/includes/workshop_card.html"
    empty_text = _("No workshop has been published yet.")

    class Meta:
        verbose_name = _("workshop index page")


class WorkshopPage(DiscussionMixin, Page):
    topic = models.CharField(
        _("topic"),
        max_length=255,
        help_text=_("The question put to the workshop, in one sentence residents understand."),
    )
    city_expectations = RichTextField(
        _("the City's expectations"),
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the City asks of the workshop and what it commits to do with the recommendations."),
    )
    theme = models.ForeignKey(
        "workshops.Theme", verbose_name=_("theme"), on_delete=models.PROTECT, related_name="workshops"
    )
    territory = models.ForeignKey(
        "workshops.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="workshops",
        null=True,
        blank=True,
        help_text=_("Leave empty for a workshop about the whole city."),
    )
    status = models.CharField(
        _("status"), max_length=32, choices=WorkshopStatus.choices, default=WorkshopStatus.PROPOSED
    )
    status_by_hand = models.BooleanField(
        _("keep this status as set"),
        default=False,
        help_text=_(
            "Otherwise publishing the report moves the workshop to “Recommendations delivered”, "
            "and its deliberation to “Deliberation adopted”."
        ),
    )
    drawn_seats = models.PositiveSmallIntegerField(
        _("seats drawn by lot"),
        default=17,
        help_text=_("Residents drawn by lot, respecting parity and diversity of age and geography."),
    )
    childcare = models.BooleanField(_("childcare offered"), default=True)
    accessible_hours = models.BooleanField(
        _("accessible hours"), default=True, help_text=_("Sessions are held at hours that suit working people.")
    )
    interpretation = models.BooleanField(_("interpretation available"), default=False)
    accessibility_notes = RichTextField(
        _("other inclusion measures"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_("Step-free access, hearing loop, sign language, travel costs refunded…"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("more about this workshop"), blank=True)

    objects = PageManager.from_queryset(WorkshopPageQuerySet)()

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("topic"),
        FieldPanel("city_expectations"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("territory")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_by_hand")]),
        MultiFieldPanel(
            [
                FieldPanel("drawn_seats"),
                InlinePanel("volunteer_seats", label=_("Volunteer seats"), heading=_("Volunteer seats by origin")),
            ],
            heading=_("Seat composition"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("childcare"), FieldPanel("accessible_hours"), FieldPanel("interpretation")]),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Inclusion measures"),
        ),
        FieldPanel("body"),
        SessionsPanel(),
    ]
    settings_panels = Page.settings_panels + DiscussionMixin.discussion_panels
    accepts_questions = True
    search_fields = Page.search_fields + [
        index.SearchField("topic", boost=2),
        index.SearchField("city_expectations"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("theme"),
        index.FilterField("territory"),
    ]

    parent_page_types = ["workshops.WorkshopIndexPage"]
    # No subpage_types: the page types that name a workshop as their parent (the report of
    # recommendations) may be added under it, without this content app knowing of them.

    class Meta:
        verbose_name = _("workshop page")

    @property
    def volunteer_seat_count(self):
        return sum(group.seats for group in self.volunteer_seats.all())

    @property
    def total_seats(self):
        return self.drawn_seats + self.volunteer_seat_count

    def status_timeline(self):
        """Every lifecycle step with whether it is done, current or still to come."""
        current_index = WorkshopStatus.values.index(self.status)
        return [
            {
                "label": status.label,
                "description": STATUS_DESCRIPTIONS[status],
                "state": "done" if i < current_index else "current" if i == current_index else "upcoming",
            }
            for i, status in enumerate(WorkshopStatus)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects([self], "volunteer_seats")  # the table and the total read them
        context["sections"] = sections_for(self, request)  # sessions, draw, discussion… from the features
        return context


class VolunteerSeats(TranslatableMixin, Orderable):
    """Seats kept for volunteers from one origin (council members, neighbourhood unions…)."""

    page = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="volunteer_seats")
    origin = models.CharField(
        _("origin"), max_length=150, help_text=_("For example: members of the independent citizen councils.")
    )
    seats = models.PositiveSmallIntegerField(_("seats"))

    panels = [FieldPanel("origin"), FieldPanel("seats")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("volunteer seats")
        verbose_name_plural = _("volunteer seats")
