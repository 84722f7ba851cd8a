"""What residents searched for over a period: the most frequent searches, and those that found nothing."""

import datetime

from django.db.models import Sum
from django.utils import timezone

from search.models import SearchTerm

DAYS = (7, 30, 90, 365)
ROWS = 50


def search_terms(days, language=None):
    """(most searched, most searched without results): rows of query, searches, without_results."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    terms = SearchTerm.objects.filter(day__gte=since)
    if language:
        terms = terms.filter(language=language)
    totals = terms.values("query").annotate(searches=Sum("searches"), without_results=Sum("without_results"))
    popular = list(totals.order_by("-searches", "query")[:ROWS])
    unanswered = list(totals.filter(without_results__gt=0).order_by("-without_results", "query")[:ROWS])
    return popular, unanswered
