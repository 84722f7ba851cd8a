from django import template
from django.core.cache import cache
from wagtail.models import Page, Site

from home import languages, versions

MENU_SECONDS = 3600

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    return {"links": languages.language_links(request, page if isinstance(page, Page) else None)}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    page = context.get("page")
    if not isinstance(page, Page):
        return {"links": []}
    return {"links": languages.alternate_links(context["request"], page)}


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page in the visitor's language."""
    site = Site.find_for_request(context["request"])
    return site.root_page.localized.specific if site else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, as title, address and tree path; cached until a page
    is published (finding them is a scan of the page tree on PostgreSQL, whose size grows with the archive)."""
    root = site_root(context)
    if root is None:
        return []
    key = f"menu:{versions.current()}:{root.pk}"
    items = cache.get(key)
    if items is None:
        request = context["request"]
        pages = root.get_children().live().public().in_menu()
        items = [{"title": page.title, "url": page.get_url(request), "path": page.path} for page in pages]
        cache.set(key, items, MENU_SECONDS)
    return items
