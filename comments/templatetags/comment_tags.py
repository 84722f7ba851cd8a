from django import template

from comments import text

register = template.Library()


@register.filter
def comment_html(value):
    """A resident's text, safe to show: see ``comments.text.render``."""
    return text.render(value or "")
