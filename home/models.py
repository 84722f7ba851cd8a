"""The home page and free-form standard pages."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home import impact, versions
from home.branding import Branding  # noqa: F401  (a model of this app)
from home.figures import key_figures
from portal import restrictions
from portal.blocks import BodyBlock
from portal.page_types import IntroducedPage
from portal.panels import CONTENT_PANELS, PROMOTE_PANELS
from registrations.services import shown
from workshops.models import Session, WorkshopPage


class HomePage(Page):
    """The root of each language's tree: introduction, current workshops, sessions, figures."""

    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        help_text=_("Two or three sentences that say what the programme is and how to take part."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "workshops.CouncilIndexPage",
        "workshops.WorkshopIndexPage",
        "archive.RecommendationIndexPage",
        "archive.OpenDataPage",
        "home.ImpactPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["current_workshops"] = WorkshopPage.objects.current().in_locale_of(self).select_related("theme")[:6]
        context["upcoming_sessions"] = shown(Session.objects.upcoming().published_in(self.locale)[:5], self.locale)
        context["key_figures"] = key_figures()
        context["impact_url"] = ImpactPage.url_in(self.locale)
        return context


class StandardPage(Page):
    """A free page for anything else: how the programme works, the privacy notice, contacts."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A short summary shown under the title and in lists.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    promote_panels = PROMOTE_PANELS
    content_panels = CONTENT_PANELS + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ImpactPage(IntroducedPage):
    """Key figures, overall and per workshop: who took part, what was recommended, what the City did."""

    class Meta:
        verbose_name = _("impact page")
        verbose_name_plural = _("impact pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["impact"] = impact.figures(self.locale)
        return context

    @classmethod
    def url_in(cls, locale):
        """The address of the live impact page in ``locale``, or "", cached until a page is published."""
        key = f"impact:url:{versions.current()}:{locale.pk}"
        url = cache.get(key)
        if url is None:
            page = restrictions.public(cls.objects.live().filter(locale=locale)).first()
            url = page.url if page else ""
            cache.set(key, url, impact.CACHE_SECONDS)
        return url
