from django import template
from wagtail.models import Page, Site

from home import languages

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
    root = site_root(context)
    if root is None:
        return []
    return root.get_children().live().public().in_menu()
