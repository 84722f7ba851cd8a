"""The shape shared by the pages that sit once under each home page and open with an introduction
(the indexes of councils and workshops, the archive, the impact and open data pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.panels import CONTENT_PANELS, PROMOTE_PANELS


class IntroducedPage(Page):
    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
        # portal is not an installed app; the search engines name every ancestor of a page "app.Model"
        app_label = "portal"
