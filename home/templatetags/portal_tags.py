"""What every page repeats around its content: the language links, the menu, the way home.

Each is drawn from the page tree and costs queries (on PostgreSQL a scan of the tree, whose size
grows with the archive), and each changes only when a page is published, unpublished, moved or
deleted, or a view restriction changes: they are kept in the cache under those versions
(``portal.versions.remembered``).
"""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home import languages
from home.branding import NAME as BRANDING
from home.branding import SOCIAL_NETWORKS, Branding
from portal import restrictions, versions

register = template.Library()
FRAME = [versions.PAGES, restrictions.NAME]  # what the frame is drawn from: live pages, and who may see them


def _request_key(request, name, *parts):
    """A key for what ``request`` sees: the links in it name its scheme, host and language."""
    return ":".join([name, request.scheme, request.get_host(), get_language(), *map(str, parts)])


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {"links": languages.language_links(request, None)}  # a view's address, translated: no query
    key = _request_key(request, "language-links", page.pk)
    links = versions.remembered(key, FRAME, lambda: languages.language_links(request, page))
    return {"links": links}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    page = context.get("page")
    if not isinstance(page, Page):
        return {"links": []}
    request = context["request"]
    key = _request_key(request, "alternate-links", page.pk)
    return {"links": versions.remembered(key, FRAME, lambda: languages.alternate_links(request, page))}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The address of the home page in the visitor's language."""
    return _home(context["request"])["url"]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, as title, address and tree path."""
    return _home(context["request"])["menu"]


def _home(request):
    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return {"url": "/", "menu": []}
        root = site.root_page.localized.specific
        pages = restrictions.public(root.get_children().live().in_menu())
        menu = [{"title": page.title, "url": page.get_url(request), "path": page.path} for page in pages]
        return {"url": root.get_url(request) or "/", "menu": menu}

    return versions.remembered(_request_key(request, "home"), FRAME, compute)


@register.simple_tag(takes_context=True)
def branding(context):
    """The city's identity as the frame shows it: names, logo, colours, contact, footer links."""
    request = context["request"]
    return versions.remembered(_request_key(request, "branding"), FRAME + [BRANDING], lambda: _branding(request))


def _branding(request):
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
