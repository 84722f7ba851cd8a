"""The shape shared by the council and workshop index pages."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.panels import CONTENT_PANELS, PROMOTE_PANELS


class ListingPage(Page):
    """One per home page: an introduction, then its live, public children of one type."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    listed_model = ""  # "app_label.ModelName" of the pages listed
    listed_related = ()
    listed_ordering = ("title",)
    card_template = ""  # how one listed page is shown; it gets the page as ``item``
    empty_text = ""  # said when nothing is published yet

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        """One template for every listing (Wagtail would look for one per page type)."""
        return "workshops/listing_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = (
            apps.get_model(self.listed_model)
            .objects.child_of(self)
            .live()
            .public()
            .select_related(*self.listed_related)
            .order_by(*self.listed_ordering)
        )
        return context
