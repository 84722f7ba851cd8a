"""Narrowing a list by values with their counts: one mechanism for the archive's filters and the search's facets.

A feature declares each facet once (``FacetField``: its name in the address, its label, the field it
filters on, how its values are named). The counts come from a grouped database query when a visitor
browses a list, or from the search backend (``SearchResults.facet``, an aggregation on the engines)
when they search words: the same values, labels, order and notices either way. Every value comes
from the address bar, so none is trusted: one of the wrong form, or unknown, is ignored and said so.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    link: str = ""  # the query string that picks (or, when selected, drops) this value, where links are used


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def chosen(self):
        return next((option for option in self.options if option.selected), None)


@dataclass(frozen=True)
class FacetField:
    name: str  # in the query string
    label: object  # lazy translation
    field: str  # the attribute filtered and counted on; a FilterField for the search backends
    choices: dict | None = None  # a fixed list of values and their labels, in the order shown
    names: Callable | None = None  # for other values: {value: label} of the values given
    newest_first: bool = False  # order by value, descending (years), not by label

    def well_formed(self, value):
        if self.choices is not None:
            return value in self.choices
        return value.isdigit() and len(value) < 10

    def facet(self, counts, chosen_value):
        """The options of this facet from ``{value: count}``, labelled and ordered."""
        if self.choices is not None:
            labels = {value: str(label) for value, label in self.choices.items()}
        elif self.names is not None:
            labels = {str(value): str(label) for value, label in self.names(list(counts)).items()}
        else:
            labels = {value: value for value in counts}
        options = [
            Option(value=value, label=labels[value], count=count, selected=value == chosen_value)
            for value, count in counts.items()
            if value in labels
        ]
        if self.choices is not None:
            order = list(self.choices)
            options.sort(key=lambda option: order.index(option.value))
        elif self.newest_first:
            options.sort(key=lambda option: option.value, reverse=True)
        else:
            options.sort(key=lambda option: option.label.lower())
        return Facet(self.name, str(self.label), options)


def chosen_values(params, facet_fields, notices):
    """{facet name: value} for the values of the right form in ``params``; the others get a notice."""
    chosen = {}
    for facet_field in facet_fields:
        value = params.get(facet_field.name, "").strip()
        if not value:
            continue
        if facet_field.well_formed(value):
            chosen[facet_field.name] = value
        else:
            notices.append(ignored(facet_field, value))
    return chosen


def ignored(facet_field, value):
    return _("The filter “%(filter)s” has no value “%(value)s”: it was ignored.") % {
        "filter": facet_field.label,
        "value": value[:40],
    }


def narrowed(queryset, facet_fields, chosen, leave_out=None):
    """``queryset`` with every chosen value but ``leave_out``'s: what a facet's counts are taken over."""
    lookups = {f.field: chosen[f.name] for f in facet_fields if f.name in chosen and f.name != leave_out}
    return queryset.filter(**lookups)


def counted(queryset, facet_fields, chosen, count):
    """Every facet's options, each counted by ``count(queryset narrowed by the other facets, facet_field)``.

    ``count`` is ``counts_in_queryset``, or ``counts_in_results`` over the search of some words.
    """
    return [
        facet_field.facet(
            count(narrowed(queryset, facet_fields, chosen, leave_out=facet_field.name), facet_field),
            chosen.get(facet_field.name),
        )
        for facet_field in facet_fields
    ]


def counts_in_queryset(queryset, facet_field):
    """{value: count} from one grouped query."""
    rows = (
        queryset.exclude(**{f"{facet_field.field}__isnull": True})
        .order_by()
        .values_list(facet_field.field)
        .annotate(n=Count("pk"))
    )
    return {str(value): n for value, n in rows}


def counts_in_results(results, facet_field):
    """{value: count} from the search backend's aggregation over the results of a query."""
    return {str(value): n for value, n in results.facet(facet_field.field).items() if value not in (None, "", 0)}


def drop_unknown(facets, facet_fields, chosen, notices):
    """A well-formed id or year that matches nothing is ignored too; True if one was.

    A real choice (an answer) that simply has no match is kept: it shows zero results.
    """
    dropped = False
    for facet_field, facet in zip(facet_fields, facets, strict=True):
        value = chosen.get(facet_field.name)
        if value is None or facet_field.choices is not None:
            continue
        if not any(option.value == value for option in facet.options):
            notices.append(ignored(facet_field, value))
            del chosen[facet_field.name]
            dropped = True
    return dropped
