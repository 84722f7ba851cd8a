"""Independent citizen councils, one per territory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.discussions import DiscussionMixin
from portal.panels import CONTENT_PANELS, PROMOTE_PANELS
from portal.sections import sections_for
from workshops.models.listing import ListingPage


class CouncilIndexPage(ListingPage):
    subpage_types = ["workshops.CouncilPage"]
    listed_model = "workshops.CouncilPage"
    listed_related = ("territory",)
    card_template = "workshops/includes/council_card.html"
    empty_text = _("No council has been published yet.")

    class Meta:
        verbose_name = _("council index page")


class CouncilMemberBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=120, required=False)

    class Meta:
        icon = "user"
        label = _("Member")


class CouncilPage(DiscussionMixin, Page):
    territory = models.ForeignKey(
        "workshops.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="councils",
        help_text=_("The part of the city this council speaks for."),
    )
    description = RichTextField(_("description"), features=["bold", "italic", "link", "ul", "ol"])
    how_to_take_part = RichTextField(
        _("how to take part"),
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Who may join, how members are chosen, when and where the council meets."),
    )
    members = StreamField(
        [("member", CouncilMemberBlock())],
        verbose_name=_("members"),
        blank=True,
        help_text=_("Publish only members who agreed to appear on the site."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("territory"),
        FieldPanel("description"),
        FieldPanel("how_to_take_part"),
        FieldPanel("members"),
        FieldPanel("contact_email"),
    ]
    settings_panels = Page.settings_panels + DiscussionMixin.discussion_panels
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("how_to_take_part"),
        index.FilterField("territory"),
    ]

    parent_page_types = ["workshops.CouncilIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("council page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for(self, request)  # its discussion
        return context
