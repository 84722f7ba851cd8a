"""A workshop's report, as a box on its page: what was recommended and what the City answered."""

from django.db.models import Count

from archive.models import Answer, RecommendationPage, RecommendationReportPage
from portal.sections import Section
from workshops.models import WorkshopPage


def workshop_report(page, request):
    if not isinstance(page, WorkshopPage):
        return None
    report = RecommendationReportPage.objects.child_of(page).live().first()  # public as its workshop is
    if report is None:
        return None
    counts = dict(
        RecommendationPage.objects.child_of(report).live().order_by().values_list("answer").annotate(n=Count("pk"))
    )
    answers = [(label, counts[value]) for value, label in Answer.choices if counts.get(value)]
    context = {"report": report, "answers": answers, "total": sum(counts.values())}
    return Section("archive/includes/workshop_report.html", context, order=300)
