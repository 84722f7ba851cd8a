"""The shape shared by the council and workshop index pages."""

from django.apps import apps

from portal import restrictions
from portal.page_types import IntroducedPage


class ListingPage(IntroducedPage):
    """One per home page: an introduction, then its live, public children of one type."""

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
        children = apps.get_model(self.listed_model).objects.child_of(self).live()
        context["items"] = (
            restrictions.public(children).select_related(*self.listed_related).order_by(*self.listed_ordering)
        )
        return context
