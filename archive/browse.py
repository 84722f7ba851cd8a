"""Browsing the archive: filters with counts per value, sorting and pages, from the query string.

Every value comes from the visitor's address bar, so nothing is trusted: an unknown value is
ignored and said so, a page number that is not one, or is past the end, is replaced and said so.
The number of queries does not depend on the archive's size or on the page size: one count per
filter, one count of results and one query for the page shown.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from archive.models.endorsements import with_endorsement_counts
from archive.models.pages import Answer, Progress, RecommendationPage
from portal import versions

PER_PAGE = 20
VERSION = "archive"
FACETS_SECONDS = 3600
SORTS = {
    "newest": (gettext_lazy("Newest first"), ("-delivered_on", "-pk")),
    "endorsed": (gettext_lazy("Most endorsed"), ("-endorsements", "-delivered_on", "-pk")),
}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


@dataclass
class Archive:
    page: object  # the Paginator page of recommendations
    facets: list
    sort: str
    sorts: list
    notices: list
    query: str  # the filters and sort, to keep in links (without the page number)
    total: int

    @property
    def filtered(self):
        return any(option.selected for facet in self.facets for option in facet.options)


def published_in(locale):
    return RecommendationPage.objects.live().public().filter(locale=locale)


# name: (label, the lookup it filters on, what a count groups by, how a value is named)
FILTERS = {
    "workshop": (gettext_lazy("Workshop"), "workshop_id", ("workshop_id", "workshop__title")),
    "theme": (gettext_lazy("Theme"), "theme_id", ("theme_id", "theme__name")),
    "territory": (gettext_lazy("Territory"), "territory_id", ("territory_id", "territory__name")),
    "year": (gettext_lazy("Year delivered"), "year", ("year", None)),
    "answer": (gettext_lazy("The City's answer"), "answer", ("answer", None)),
    "progress": (gettext_lazy("Progress of actions"), "progress", ("progress", None)),
}
CHOICE_LABELS = {"answer": dict(Answer.choices), "progress": dict(Progress.choices)}


def browse(locale, params):
    notices = []
    chosen = _chosen_filters(params, notices)
    recommendations = published_in(locale)
    facets = facets_for(locale, recommendations, chosen)
    if _drop_unknown_ids(facets, chosen, notices):
        facets = facets_for(locale, recommendations, chosen)  # counts without the bad value

    sort = params.get("sort", "newest")
    if sort not in SORTS:
        notices.append(_("The sort order “%(value)s” does not exist: newest first is shown.") % {"value": sort[:40]})
        sort = "newest"
    shown = with_endorsement_counts(_filtered(recommendations, chosen)).select_related("theme", "territory", "workshop")
    paginator = Paginator(shown.order_by(*SORTS[sort][1]), PER_PAGE)
    # Every recommendation has an answer, so the answer facet (counted with the other filters) already
    # says how many match: all its values, or the one chosen. The paginator need not count again.
    answers = next(facet for facet in facets if facet.name == "answer")
    paginator.count = sum(option.count for option in answers.options if option.selected or "answer" not in chosen)
    page = paginator.page(_page_number(params.get("page", "1"), paginator, notices))

    kept = [(name, value) for name, value in chosen.items()] + ([("sort", sort)] if sort != "newest" else [])
    return Archive(
        page=page,
        facets=facets,
        sort=sort,
        sorts=[(value, label) for value, (label, _order) in SORTS.items()],
        notices=notices,
        query=urlencode(kept),
        total=paginator.count,
    )


def bump(**_signal):
    """A recommendation or report was published or unpublished (``archive.signals``): count again."""
    versions.bump(VERSION)


def facets_for(locale, recommendations, chosen):
    """Every filter's values with their counts, from the cache until the archive changes.

    Counting runs one grouped query per filter over the whole archive: the costly part of a
    listing at scale, and the same for every visitor who asks for the same filters.
    """
    key = f"archive:facets:{versions.current(VERSION)}:{locale.pk}:{urlencode(sorted(chosen.items()))}"
    facets = cache.get(key)
    if facets is None:
        facets = [_facet(name, recommendations, chosen) for name in FILTERS]
        cache.set(key, facets, FACETS_SECONDS)
    return facets


def _chosen_filters(params, notices):
    """The filters asked for whose value has the right form; the others are ignored with a notice."""
    chosen = {}
    for name in FILTERS:
        value = params.get(name, "").strip()
        if not value:
            continue
        choices = CHOICE_LABELS.get(name)
        well_formed = value in choices if choices else value.isdigit() and len(value) < 10
        if well_formed:
            chosen[name] = value
        else:
            notices.append(_ignored(name, value))
    return chosen


def _ignored(name, value):
    return _("The filter “%(filter)s” has no value “%(value)s”: it was ignored.") % {
        "filter": FILTERS[name][0],
        "value": value[:40],
    }


def _filtered(recommendations, chosen, leave_out=None):
    lookups = {FILTERS[name][1]: value for name, value in chosen.items() if name != leave_out}
    return recommendations.filter(**lookups)


def _facet(name, recommendations, chosen):
    """The values of one filter with how many recommendations each would show, the other filters kept."""
    label, _lookup, (group, named) = FILTERS[name]
    columns = [group, named] if named else [group]
    rows = (
        _filtered(recommendations, chosen, leave_out=name)
        .exclude(**{f"{group}__isnull": True})
        .order_by()
        .values(*columns)
        .annotate(n=Count("pk"))
    )
    choices = CHOICE_LABELS.get(name)
    options = [
        Option(
            value=str(row[group]),
            label=str(choices[row[group]]) if choices else str(row[named] if named else row[group]),
            count=row["n"],
            selected=chosen.get(name) == str(row[group]),
        )
        for row in rows
    ]
    if choices:  # in the order of the choices, so answers read the same way everywhere
        order = list(choices)
        options.sort(key=lambda option: order.index(option.value))
    elif name == "year":
        options.sort(key=lambda option: option.value, reverse=True)
    else:
        options.sort(key=lambda option: option.label.lower())
    return Facet(name, str(label), options)


def _drop_unknown_ids(facets, chosen, notices):
    """A well-formed id or year that matches nothing in this archive is ignored too; True if one was."""
    dropped = False
    for facet in facets:
        value = chosen.get(facet.name)
        if value is not None and not any(option.value == value for option in facet.options):
            if facet.name in CHOICE_LABELS:
                continue  # a real answer or progress that simply has no recommendation: zero results
            notices.append(_ignored(facet.name, value))
            del chosen[facet.name]
            dropped = True
    return dropped


def _page_number(asked, paginator, notices):
    if not asked.isdigit() or len(asked) > 9:
        notices.append(_("“%(value)s” is not a page number: the first page is shown.") % {"value": asked[:20]})
        return 1
    number = int(asked)
    if number < 1:
        return 1
    if number > paginator.num_pages:
        notices.append(
            ngettext(
                "There is only %(count)s page: it is shown.",
                "There are only %(count)s pages: the last one is shown.",
                paginator.num_pages,
            )
            % {"count": paginator.num_pages}
        )
        return paginator.num_pages
    return number
