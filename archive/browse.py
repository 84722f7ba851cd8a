"""Browsing the archive: filters with counts per value, words to look for, sorting and pages.

The filters are ``search.facets``: the same declarations give the archive's filters and the site
search's facets. Without words the counts come from one grouped query per filter; with words, from
the search backend, over the recommendations the words find. Every value comes from the visitor's
address bar, so nothing is trusted: an unknown value is ignored and said so, a page number that is
not one, or is past the end, is replaced and said so. The number of queries does not depend on the
archive's size or on the page size.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive.models.endorsements import with_endorsement_counts
from archive.models.pages import Answer, Progress, RecommendationPage
from portal import versions
from portal.pagination import page_number
from search import facets as faceting
from search import searching
from workshops.models import Territory, Theme, WorkshopPage

PER_PAGE = 20
VERSION = "archive"
FACETS_SECONDS = 3600
SORTS = {
    "newest": (gettext_lazy("Newest first"), ("-delivered_on", "-pk")),
    "endorsed": (gettext_lazy("Most endorsed"), ("-endorsements", "-delivered_on", "-pk")),
}
RELEVANCE = "relevance"


def _names(model, attribute):
    return lambda ids: dict(model.objects.filter(pk__in=ids).values_list("pk", attribute))


FACETS = [
    faceting.FacetField("workshop", gettext_lazy("Workshop"), "workshop_id", names=_names(WorkshopPage, "title")),
    faceting.FacetField("theme", gettext_lazy("Theme"), "theme_id", names=_names(Theme, "name")),
    faceting.FacetField("territory", gettext_lazy("Territory"), "territory_id", names=_names(Territory, "name")),
    faceting.FacetField("year", gettext_lazy("Year delivered"), "year", newest_first=True),
    faceting.FacetField("answer", gettext_lazy("The City's answer"), "answer", choices=dict(Answer.choices)),
    faceting.FacetField("progress", gettext_lazy("Progress of actions"), "progress", choices=dict(Progress.choices)),
]


@dataclass
class Archive:
    page: object  # the Paginator page of recommendations
    facets: list
    words: str
    sort: str
    sorts: list
    notices: list
    query: str  # the words, filters and sort, to keep in links (without the page number)
    total: int
    limited: bool  # the search engine did not answer: the database did

    @property
    def filtered(self):
        return self.words or any(facet.chosen for facet in self.facets)


def published_in(locale):
    return searching.published(RecommendationPage, locale)


def browse(locale, params):
    notices = []
    chosen = faceting.chosen_values(params, FACETS, notices)
    words = searching.cleaned(params.get("q", ""))
    recommendations = published_in(locale)
    sorts = {RELEVANCE: (gettext_lazy("Best match"), None)} if words else SORTS
    sort = params.get("sort") or next(iter(sorts))
    if sort not in sorts:
        notices.append(
            _("The sort order “%(value)s” does not exist: %(default)s is shown.")
            % {"value": sort[:40], "default": str(next(iter(sorts.values()))[0]).lower()}
        )
        sort = next(iter(sorts))
    if words:
        found = searching.run(
            locale, lambda backend: _search(backend, locale, recommendations, words, chosen, notices, params)
        )
        facets, page, limited = *found.value, found.limited
    else:
        facets = facets_for(locale, recommendations, chosen, notices)
        page, limited = _listing(recommendations, chosen, facets, sort, params, notices), False

    kept = [("q", words)] if words else []
    kept += [(name, value) for name, value in chosen.items()] + ([("sort", sort)] if sort != next(iter(sorts)) else [])
    return Archive(
        page=page,
        facets=facets,
        words=words,
        sort=sort,
        sorts=[(value, label) for value, (label, _order) in sorts.items()],
        notices=notices + ([searching.LIMITED_NOTICE] if limited else []),
        query=urlencode(kept),
        total=page.paginator.count,
        limited=limited,
    )


def _listing(recommendations, chosen, facets, sort, params, notices):
    shown = with_endorsement_counts(faceting.narrowed(recommendations, FACETS, chosen))
    paginator = Paginator(shown.select_related("theme", "territory", "workshop").order_by(*SORTS[sort][1]), PER_PAGE)
    # Every recommendation has an answer, so the answer facet (counted with the other filters) already
    # says how many match: all its values, or the one chosen. The paginator need not count again.
    answers = next(facet for facet in facets if facet.name == "answer")
    paginator.count = sum(option.count for option in answers.options if option.selected or "answer" not in chosen)
    return paginator.page(page_number(params.get("page", "1"), paginator, notices))


def _search(backend, locale, recommendations, words, chosen, notices, params):
    """Facets and one page of the recommendations the words find, from ``backend``.

    The facets and the total cost a search each and are the same for everyone asking the same
    words and filters: cached until a recommendation or report is published or unpublished.
    """
    asked = hashlib.sha256(urlencode([("q", words)] + sorted(chosen.items())).encode()).hexdigest()
    key = f"archive:search:{versions.current(VERSION)}:{type(backend).__name__}:{locale.pk}:{asked}"
    summary = cache.get(key)
    if summary is None:
        chosen_here, notices_here = dict(chosen), []
        facets = _facets_of_results(backend, recommendations, words, chosen_here)
        if faceting.drop_unknown(facets, FACETS, chosen_here, notices_here):
            facets = _facets_of_results(backend, recommendations, words, chosen_here)
        total = searching.matching(backend, faceting.narrowed(recommendations, FACETS, chosen_here), words).count()
        summary = facets, chosen_here, notices_here, total
        cache.set(key, summary, FACETS_SECONDS)
    facets, chosen_here, notices_here, total = summary
    results = searching.matching(backend, faceting.narrowed(recommendations, FACETS, chosen_here), words)
    paginator = Paginator(results, PER_PAGE)
    paginator.count = total
    page = paginator.page(page_number(params.get("page", "1"), paginator, notices_here))
    ids = [item.pk for item in page.object_list]
    fetched = (
        with_endorsement_counts(RecommendationPage.objects.filter(pk__in=ids))
        .select_related("theme", "territory", "workshop")
        .in_bulk()
    )
    page.object_list = [fetched[pk] for pk in ids if pk in fetched]
    chosen.clear()
    chosen.update(chosen_here)
    notices.extend(notices_here)
    return facets, page


def bump(**_signal):
    """A recommendation or report was published or unpublished (``archive.signals``): count again."""
    versions.bump(VERSION)


def facets_for(locale, recommendations, chosen, notices):
    """Every filter's values with their counts, from the cache until the archive changes.

    Counting runs one grouped query per filter over the whole archive: the costly part of a
    listing at scale, and the same for every visitor who asks for the same filters.
    """
    facets = _counted(locale, recommendations, chosen)
    if faceting.drop_unknown(facets, FACETS, chosen, notices):
        facets = _counted(locale, recommendations, chosen)  # counts without the bad value
    return facets


def _counted(locale, recommendations, chosen):
    key = f"archive:facets:{versions.current(VERSION)}:{locale.pk}:{urlencode(sorted(chosen.items()))}"
    facets = cache.get(key)
    if facets is None:
        facets = faceting.counted(recommendations, FACETS, chosen, faceting.counts_in_queryset)
        cache.set(key, facets, FACETS_SECONDS)
    return facets


def _facets_of_results(backend, recommendations, words, chosen):
    def count(narrowed, facet_field):
        return faceting.counts_in_results(searching.matching(backend, narrowed, words), facet_field)

    return faceting.counted(recommendations, FACETS, chosen, count)
