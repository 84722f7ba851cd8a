"""The city's identity on every page: its name, logo, colours, contact and footer links.

Staff set them in the Wagtail admin (Settings → Branding); a change shows on the next page
without a deploy. Colours are refused when text on them, or them as text, would not reach the
WCAG AA contrast ratio: the portal's own accessibility cannot be undone from the admin.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from portal import restrictions, versions

NAME = "branding"  # the version pages drawn with the branding follow
TEXT_COLOUR = "#1b1f24"  # the body text colour of portal.css (--ink)
WHITE = "#ffffff"
AA_TEXT = 4.5  # WCAG 2.1 success criterion 1.4.3, normal text
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def relative_luminance(colour):
    """WCAG 2.1's relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """WCAG 2.1's contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Enter a colour as # followed by six hexadecimal digits, for example #0b5cad."))


class LinkBlock(blocks.StructBlock):
    """A footer link: to a page of the site (followed into the visitor's language) or elsewhere."""

    label = blocks.CharBlock(label=_("label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("address"), required=False, help_text=_("Used when no page is chosen."))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError({"url": ValidationError(_("Choose a page or give an address."))})
        return value


SOCIAL_NETWORKS = [
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("peertube", "PeerTube"),
]


class SocialAccountBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("address"))


@register_setting(icon="site")
class Branding(BaseSiteSetting):
    """One per site: what makes the portal the city's own."""

    city_name = models.CharField(
        _("city name"), max_length=80, default="", blank=True, help_text=_("Shown beside the logo on every page.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown 48 pixels high in the header. The city's name beside it serves as its text alternative."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b5cad",
        validators=[validate_hex_colour],
        help_text=_("Links, buttons and the header's band. White text is written on it."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#ffbf47",
        validators=[validate_hex_colour],
        help_text=_("Highlights and the keyboard focus ring. Dark text is written on it."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = StreamField([("link", LinkBlock())], verbose_name=_("footer links"), blank=True)
    social_accounts = StreamField([("account", SocialAccountBlock())], verbose_name=_("social accounts"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("city_name"), FieldPanel("logo"), FieldPanel("primary_colour"), FieldPanel("accent_colour")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("contact_address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("footer_links"),
                FieldPanel("social_accounts"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("branding")

    def clean(self):
        super().clean()
        errors = {}
        if HEX_COLOUR.match(self.primary_colour or "") and contrast_ratio(self.primary_colour, WHITE) < AA_TEXT:
            errors["primary_colour"] = self._too_faint(self.primary_colour, WHITE, _("white"))
        if HEX_COLOUR.match(self.accent_colour or "") and contrast_ratio(self.accent_colour, TEXT_COLOUR) < AA_TEXT:
            errors["accent_colour"] = self._too_faint(self.accent_colour, TEXT_COLOUR, _("the text colour"))
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _too_faint(colour, against, against_name):
        return ValidationError(
            _(
                "The contrast between %(colour)s and %(against)s is %(ratio).1f:1; WCAG AA needs at least "
                "%(needed).1f:1 so that everyone can read it. Choose a darker or lighter shade."
            )
            % {"colour": colour, "against": against_name, "ratio": contrast_ratio(colour, against), "needed": AA_TEXT}
        )


def as_shown(request):
    """What the frame shows of the branding of the site ``request`` is for, in the visitor's language:
    plain values, so the frame can keep them in the cache."""
    site = Site.find_for_request(request)
    # Not ``Branding.for_site``: it creates the row on a first visit, a write on a GET (and a new
    # branding version, so the frame just drawn would be drawn again).
    settings = Branding.objects.filter(site=site).select_related("logo").first() or Branding()

    def page_link(page, label=None):
        if page is None or not page.live:
            return None
        page = page.localized
        url = page.get_url(request)
        return {"label": label or page.title, "url": url} if url and restrictions.is_public(page) else None

    logo = None
    if settings.logo:
        rendition = settings.logo.get_rendition("height-96")  # shown 48 px high, sharp on dense screens
        logo = {"url": rendition.url, "width": rendition.width // 2, "height": rendition.height // 2}
    footer = [
        page_link(link["page"], link["label"]) if link["page"] else {"label": link["label"], "url": link["url"]}
        for link in (block.value for block in settings.footer_links)
    ]
    return {
        "city_name": settings.city_name,
        "logo": logo,
        "primary": settings.primary_colour,
        "primary_dark": darker(settings.primary_colour),
        "accent": settings.accent_colour,
        "contact_email": settings.contact_email,
        "contact_phone": settings.contact_phone,
        "contact_address": settings.contact_address,
        "accessibility": page_link(settings.accessibility_page),
        "privacy": page_link(settings.privacy_page),
        "footer_links": [link for link in footer if link],
        "social": [
            {
                "name": block.value["network"],
                "label": dict(SOCIAL_NETWORKS)[block.value["network"]],
                "url": block.value["url"],
            }
            for block in settings.social_accounts
        ],
    }


def darker(colour, by=0.25):
    """The shade of ``colour`` a link or button takes under the pointer: darker, so its contrast only grows."""
    channels = [round(int(colour[i : i + 2], 16) * (1 - by)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


def follow():
    """Pages drawn with the branding are rebuilt once it changes."""
    versions.follow(Branding, lambda branding: NAME)
