"""What features show on content pages, through one registry.

A content app (``workshops``) knows nothing of the features built on it. Each feature
registers, in its ``wagtail_hooks.py``, a plain function ``section(page, request)``
under the hook ``register_page_section``; it returns a ``Section`` (a template and its
context, or HTML it renders and caches itself) for the pages it concerns, else None.
Pages ask ``sections_for(page, request)`` and their templates show the sections in
order, in two regions: ``content`` above the page's free body, ``conversation`` below it.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail import hooks

HOOK = "register_page_section"
CONTENT, CONVERSATION = "content", "conversation"


@dataclass
class Section:
    template: str = ""
    context: dict = field(default_factory=dict)
    region: str = CONTENT
    order: int = 100
    html: str | None = None  # already rendered (a section that caches its HTML)

    def render(self, request):
        if self.html is not None:
            return mark_safe(self.html)  # rendered by the feature from a template, which escapes
        return mark_safe(render_to_string(self.template, self.context, request=request))


@dataclass
class RenderedSection:
    region: str
    html: str


def sections_for(page, request):
    """Every registered section that concerns ``page``, rendered, in order."""
    found = [section for build in hooks.get_hooks(HOOK) if (section := build(page, request)) is not None]
    return [RenderedSection(s.region, s.render(request)) for s in sorted(found, key=lambda s: s.order)]
