from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail import hooks

from home.languages import UNTRANSLATED_PARAM, nearest_translations


@hooks.register("before_serve_page")
def refuse_wrong_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to another language's tree when one is missing; say so instead."""
    language = get_language()
    if page.locale.language_code == language:
        return None
    target = nearest_translations(page).get(language)
    if target is None:
        raise Http404
    return redirect(f"{target[0].get_url(request)}?{UNTRANSLATED_PARAM}=1")
