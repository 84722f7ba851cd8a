"""What every page repeats around its content: the language links, the menu, the way home.

Each is drawn from the page tree and costs queries (on PostgreSQL a scan of the tree, whose size
grows with the archive), and each changes only when a page is published, unpublished, moved or
deleted, or a view restriction changes: they are kept in the cache under those versions
(``portal.versions.remembered``).
"""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home import branding as branding_module
from home import languages
from home.branding import NAME as BRANDING
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
    return versions.remembered(
        _request_key(request, "branding"), FRAME + [BRANDING], lambda: branding_module.as_shown(request)
    )
