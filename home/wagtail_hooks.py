from django.http import Http404
from django.utils.translation import get_language
from wagtail import hooks

from home.localize import shows_untranslated_text


@hooks.register("before_serve_page")
def refuse_wrong_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to the default language's tree when a language has none, and a
    translation published before it was translated holds its source's text: a page must
    never be shown silently in a language other than the one asked for."""
    if page.locale.language_code != get_language() or shows_untranslated_text(page):
        raise Http404
