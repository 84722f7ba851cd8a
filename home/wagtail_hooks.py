from django.http import Http404
from django.utils.translation import get_language
from wagtail import hooks


@hooks.register("before_serve_page")
def refuse_wrong_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to the default language's tree when a language has none;
    a page must never be shown silently in a language other than the one asked for."""
    if page.locale.language_code != get_language():
        raise Http404
