from django.conf import settings
from django.template.response import TemplateResponse

from portal.permissions import require
from search import reports
from search.permissions import VIEW_SEARCH_TERMS


def search_terms(request):
    """The editors' report: popular searches and searches that found nothing, per period and language."""
    require(request, VIEW_SEARCH_TERMS)
    days = int(request.GET["days"]) if request.GET.get("days") in {str(d) for d in reports.DAYS} else 30
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("language") if request.GET.get("language") in languages else None
    popular, unanswered = reports.search_terms(days, language)
    return TemplateResponse(
        request,
        "search/admin/search_terms.html",
        {
            "popular": popular,
            "unanswered": unanswered,
            "days": days,
            "periods": reports.DAYS,
            "language": language,
            "languages": languages.items(),
        },
    )
