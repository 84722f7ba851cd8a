"""The archive of every recommendation, and the page that lists the open datasets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from archive import browse, exports
from portal.page_types import IntroducedPage


class RecommendationIndexPage(IntroducedPage):
    """Every recommendation of every workshop, with filters, counts per value, sorting and pages."""

    class Meta:
        verbose_name = _("recommendations archive")
        verbose_name_plural = _("recommendations archives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["archive"] = browse.browse(self.locale, request.GET)
        return context


class OpenDataPage(IntroducedPage):
    """The datasets anyone may reuse, with their licence and the meaning of each column."""

    licence_name = models.CharField(_("licence"), max_length=150, default="Licence Ouverte 2.0 (Etalab)")
    licence_url = models.URLField(
        _("licence address"), default="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    )

    content_panels = IntroducedPage.content_panels + [
        FieldRowPanel([FieldPanel("licence_name"), FieldPanel("licence_url")]),
    ]

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["datasets"] = exports.datasets()
        context["columns"] = [(name, meaning) for name, (meaning, _read) in exports.COLUMNS.items()]
        return context
