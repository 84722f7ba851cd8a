from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from search import analysis, searching, site_search

SUGGESTIONS = 8


@require_GET
def search(request):
    """The site search page; works without JavaScript, every parameter checked (``site_search``)."""
    found = site_search.search_site(Locale.get_active(), request.GET)
    return render(request, "search/search.html", {"search": found})


@require_GET
def suggestions(request):
    """Titles that start with the words typed so far, for the search box (progressive enhancement)."""
    words = analysis.prefix_text(searching.cleaned(request.GET.get("q", "")))
    if len(words) < 2:
        return JsonResponse({"suggestions": []})
    locale = Locale.get_active()
    pages = searching.published(Page, locale)

    def titles(backend):
        return [
            {"title": page.title, "url": page.get_url(request)}
            for page in backend.autocomplete(words, pages)[:SUGGESTIONS]
        ]

    return JsonResponse({"suggestions": searching.run(locale, titles).value})
