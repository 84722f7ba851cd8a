"""Themes and geography: translatable snippets used by pages, quotas and filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class NamedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A translatable name with a description, the shape shared by themes and territories."""

    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Territory(NamedSnippet):
    """A sector of the city with its own independent citizen council."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("territory")
        verbose_name_plural = _("territories")


class District(TranslatableMixin, index.Indexed, models.Model):
    """A neighbourhood; the unit used for geographic quotas and residence checks."""

    name = models.CharField(_("name"), max_length=100)
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="districts",
    )

    panels = [FieldPanel("name"), FieldPanel("territory")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]

    def __str__(self):
        return self.name
