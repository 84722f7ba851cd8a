"""The archive of every recommendation, and the page that lists the open datasets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from archive import browse, exports
from portal.panels import CONTENT_PANELS, PROMOTE_PANELS


class RecommendationIndexPage(Page):
    """Every recommendation of every workshop, with filters, counts per value, sorting and pages."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("recommendations archive")
        verbose_name_plural = _("recommendations archives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["archive"] = browse.browse(self.locale, request.GET)
        return context


class OpenDataPage(Page):
    """The datasets anyone may reuse, with their licence and the meaning of each column."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    licence_name = models.CharField(_("licence"), max_length=150, default="Licence Ouverte 2.0 (Etalab)")
    licence_url = models.URLField(
        _("licence address"), default="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    )

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("licence_name"), FieldPanel("licence_url")]),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["datasets"] = exports.datasets()
        context["columns"] = [(name, meaning) for name, (meaning, _read) in exports.COLUMNS.items()]
        return context
