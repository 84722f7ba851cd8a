"""The report a workshop hands to the City, the deliberation the municipal council adopts on it,
and the recommendations it holds, with the City's answer and the actions decided.

The answer, the actions' status, due date and progress are the same in every translation:
wagtail-localize copies them and may not override them, and publishing the source spreads
them at once to the live translations (``archive.follow_up``). Only texts are translated.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from archive import endorsing
from archive.forms import EndorseForm, RecommendationAdminForm
from archive.models.endorsements import Endorsement, with_endorsement_counts
from archive.models.follow_up import Change, FollowUpEvent
from archive.permissions import RECORD_FOLLOW_UP
from portal.discussions import DiscussionMixin
from portal.panels import CONTENT_PANELS, PROMOTE_PANELS
from portal.sections import sections_for
from workshops.models import WorkshopPage


class RecommendationReportPage(Page):
    """One per workshop; its children are the recommendations."""

    delivered_on = models.DateField(_("delivered on"), help_text=_("The day the report was handed to the City."))
    summary = RichTextField(_("summary"), features=["bold", "italic", "link", "ul", "ol"])
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("the report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full report as a document residents can download."),
    )
    presented_to_executive_on = models.DateField(_("presented to the executive on"), null=True, blank=True)
    presented_to_council_on = models.DateField(_("presented to the municipal council on"), null=True, blank=True)
    deliberation_number = models.CharField(_("deliberation number"), max_length=50, blank=True)
    deliberation_date = models.DateField(_("deliberation adopted on"), null=True, blank=True)
    deliberation_title = models.CharField(_("deliberation title"), max_length=255, blank=True)
    deliberation_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("deliberation document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("delivered_on"),
        FieldPanel("summary"),
        FieldPanel("report_document"),
        FieldRowPanel([FieldPanel("presented_to_executive_on"), FieldPanel("presented_to_council_on")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("deliberation_number"), FieldPanel("deliberation_date")]),
                FieldPanel("deliberation_title"),
                FieldPanel("deliberation_document"),
            ],
            heading=_("Deliberation of the municipal council"),
            help_text=_("Adding the number and date moves the workshop to “Deliberation adopted”."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("deliberation_title")]

    parent_page_types = ["workshops.WorkshopPage"]
    subpage_types = ["archive.RecommendationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("report of recommendations")
        verbose_name_plural = _("reports of recommendations")

    @property
    def has_deliberation(self):
        return bool(self.deliberation_number and self.deliberation_date)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recommendations"] = with_endorsement_counts(
            RecommendationPage.objects.child_of(self).live().select_related("theme", "territory", "workshop")
        ).order_by("path")
        return context


class Answer(models.TextChoices):
    # a context, since the words agree with "recommendation" in French and Spanish
    UNDER_STUDY = "under_study", pgettext_lazy("answer", "Under study")
    ACCEPTED = "accepted", pgettext_lazy("answer", "Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", pgettext_lazy("answer", "Partially accepted")
    REJECTED = "rejected", pgettext_lazy("answer", "Rejected")
    REFERRED = "referred", pgettext_lazy("answer", "Referred to another institution")


# What the page says before the reasons, one sentence per answer.
ANSWER_SENTENCES = {
    Answer.UNDER_STUDY: _("This recommendation is under study. Where the study stands:"),
    Answer.ACCEPTED: _("This recommendation has been accepted because:"),
    Answer.PARTIALLY_ACCEPTED: _("This recommendation has been partially accepted because:"),
    Answer.REJECTED: _("This recommendation has been rejected because:"),
    Answer.REFERRED: _("This recommendation has been referred to another institution because:"),
}


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("action", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("action", "In progress")
    DONE = "done", pgettext_lazy("action", "Done")
    ABANDONED = "abandoned", pgettext_lazy("action", "Abandoned")


class Progress(models.TextChoices):
    """How far a recommendation's actions have got, as the archive filters them."""

    NONE = "none", _("No action under way")
    UNDER_WAY = "under_way", _("Actions under way")
    ALL_DONE = "all_done", _("All actions done")


def progress_of(statuses):
    """All done when every action kept is done; under way once one has started; else none."""
    kept = [status for status in statuses if status != ActionStatus.ABANDONED]
    if kept and all(status == ActionStatus.DONE for status in kept):
        return Progress.ALL_DONE
    if any(status in (ActionStatus.IN_PROGRESS, ActionStatus.DONE) for status in kept):
        return Progress.UNDER_WAY
    return Progress.NONE


class RecommendationPage(DiscussionMixin, Page):
    body = RichTextField(_("the recommendation"), features=["bold", "italic", "link", "ul", "ol"])
    theme = models.ForeignKey(
        "workshops.Theme", verbose_name=_("theme"), on_delete=models.PROTECT, related_name="recommendations"
    )
    territory = models.ForeignKey(
        "workshops.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
        help_text=_("Leave empty for a recommendation about the whole city."),
    )
    answer = models.CharField(_("the City's answer"), max_length=32, choices=Answer.choices, default=Answer.UNDER_STUDY)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_reasons = RichTextField(
        _("reasons for the answer"), features=["bold", "italic", "link", "ul", "ol"], blank=True
    )
    institutions = models.TextField(
        _("institutions called on"),
        blank=True,
        help_text=_("Other bodies the deliberation asks to act: the metropolis, the region, the state…"),
    )
    # Kept from the tree and the actions on every save, for the archive's filters and sorting.
    workshop = models.ForeignKey(
        WorkshopPage, null=True, editable=False, on_delete=models.SET_NULL, related_name="recommendations"
    )
    delivered_on = models.DateField(null=True, editable=False, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, editable=False, db_index=True)  # of delivery
    progress = models.CharField(max_length=16, choices=Progress.choices, default=Progress.NONE, editable=False)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("territory")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("answer", permission=RECORD_FOLLOW_UP),
                        FieldPanel("answered_on", permission=RECORD_FOLLOW_UP),
                    ]
                ),
                FieldPanel("answer_reasons", permission=RECORD_FOLLOW_UP),
            ],
            heading=_("The City's answer"),
            permission=RECORD_FOLLOW_UP,
        ),
        FieldPanel("institutions"),
        InlinePanel("actions", label=_("Action"), heading=_("Actions decided")),
        InlinePanel("milestones", label=_("Milestone"), heading=_("Milestones")),
    ]
    settings_panels = Page.settings_panels + DiscussionMixin.discussion_panels
    base_form_class = RecommendationAdminForm
    override_translatable_fields = [
        SynchronizedField("answer", overridable=False),
        SynchronizedField("answered_on", overridable=False),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("body", boost=2),
        index.SearchField("answer_reasons"),
        index.SearchField("institutions"),
        index.FilterField("answer"),
        index.FilterField("theme"),
        index.FilterField("territory"),
        index.FilterField("progress"),
        index.FilterField("delivered_on"),
        index.FilterField("workshop"),
        index.FilterField("year"),
    ]
    api_fields = [
        APIField("body"),
        APIField("theme_name"),
        APIField("territory_name"),
        APIField("workshop_title"),
        APIField("delivered_on"),
        APIField("answer"),
        APIField("answer_sentence"),
        APIField("answered_on"),
        APIField("answer_reasons"),
        APIField("institutions"),
        APIField("progress"),
        APIField("actions"),
        APIField("milestones"),
        APIField("endorsement_count"),
    ]

    parent_page_types = ["archive.RecommendationReportPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def save(self, *args, **kwargs):
        self.derive_from_tree()
        return super().save(*args, **kwargs)

    def derive_from_tree(self):
        """The workshop, delivery date and progress the archive filters on, read from parents and actions."""
        report = self.get_parent().specific if self.path and self.depth > 1 else None
        if isinstance(report, RecommendationReportPage):
            self.delivered_on = report.delivered_on
            self.year = report.delivered_on.year if report.delivered_on else None
            self.workshop_id = report.get_parent().pk
        self.progress = progress_of([action.status for action in self.actions.all()])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        mine = (
            Endorsement.objects.filter(translation_key=self.translation_key, user=user).first()
            if user.is_authenticated
            else None
        )
        initial = {"show_name": mine.show_name, "notify": mine.notify} if mine else None
        context.update(
            report=self.get_parent().specific,
            actions=self.actions.all(),
            milestones=self.milestones.order_by("date"),
            endorsers=endorsing.endorsers_of(self),
            my_endorsement=mine,
            endorse_form=EndorseForm(initial=initial, auto_id="endorse-%s"),
            timeline=self.timeline(),
            sections=sections_for(self, request),  # the discussion
        )
        return context

    def timeline(self):
        """The dated changes of the answer and the actions, newest first, in the page's language."""
        labels = {Change.ANSWER: dict(Answer.choices), Change.STATUS: dict(ActionStatus.choices)}
        descriptions = {action.translation_key: action.description for action in self.actions.all()}
        events = FollowUpEvent.objects.filter(translation_key=self.translation_key).order_by("-at", "-pk")
        return [
            {
                "at": event.at,
                "change": event.change,
                "action": descriptions.get(event.action_key, ""),
                "value": labels[event.change].get(event.value, event.value) if event.change in labels else event.value,
                "first": not event.previous,
            }
            for event in events
        ]

    @property
    def answer_sentence(self):
        return str(ANSWER_SENTENCES[self.answer])

    @property
    def theme_name(self):
        return self.theme.name

    @property
    def territory_name(self):
        return self.territory.name if self.territory else None

    @property
    def workshop_title(self):
        return self.workshop.title if self.workshop else None

    @property
    def endorsement_count(self):
        return Endorsement.objects.filter(translation_key=self.translation_key).count()


class Action(TranslatableMixin, Orderable):
    """What the City does about a recommendation; its description is translated, its progress shared."""

    page = ParentalKey(RecommendationPage, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("description"))
    service = models.CharField(_("responsible service"), max_length=150, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    percent_done = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("From 0 to 100. An action marked done counts as 100."),
    )

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("service"), FieldPanel("due_date")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("percent_done")]),
    ]
    override_translatable_fields = [
        SynchronizedField("due_date", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("percent_done", overridable=False),
    ]
    api_fields = [
        APIField("description"),
        APIField("service"),
        APIField("due_date"),
        APIField("status"),
        APIField("percent_done"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(condition=models.Q(percent_done__lte=100), name="action_progress_at_most_100"),
        ]

    def save(self, *args, **kwargs):
        if self.status == ActionStatus.DONE:
            self.percent_done = 100
        return super().save(*args, **kwargs)

    @property
    def shown_percent(self):
        return 100 if self.status == ActionStatus.DONE else self.percent_done


class Milestone(TranslatableMixin, Orderable):
    """A dated step residents can check: a vote, works starting, an opening."""

    page = ParentalKey(RecommendationPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    label = models.CharField(_("what happened or will happen"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("label")])]
    api_fields = [APIField("date"), APIField("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
