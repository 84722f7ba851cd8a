"""The impact figures: what the workshops did and what the City did with their recommendations.

Counted once per workshop and per recommendation whatever their translations (on the pages of
the default language, which every published page has), overall and per workshop. The result
is cached per language until something it counts changes: a page published or unpublished, a
registration (attendance), a workshop's members (``portal.versions``).
"""

from collections import Counter
from statistics import median

from django.db.models import Count
from django.db.models.functions import Lower
from django.utils.translation import get_language
from wagtail.models import Locale

from archive.models import Action, ActionStatus, Answer, RecommendationPage
from portal import restrictions, versions
from registrations.models import Registration, RegistrationStatus
from registrations.services import SESSIONS
from workshops.models import MemberOrigin, WorkshopMember, WorkshopPage, WorkshopStatus

CACHE_SECONDS = 3600
MEMBERS = "workshop-members"  # the version of every workshop's members (drawn, volunteers)
FOLLOWS = [versions.PAGES, SESSIONS, MEMBERS]
HELD = [WorkshopStatus.IN_SESSION, WorkshopStatus.RECOMMENDATIONS_DELIVERED, WorkshopStatus.DELIBERATION_ADOPTED]


def figures(locale):
    """The figures for the impact page in ``locale``, from the cache when nothing changed."""
    key = f"impact:{locale.pk}:{get_language()}"
    return versions.remembered(key, FOLLOWS, lambda: count(locale), CACHE_SECONDS)


def share(part, whole):
    return round(100 * part / whole) if whole else 0


def count(locale):
    default = Locale.get_default()
    workshops = list(
        restrictions.public(WorkshopPage.objects.live().filter(locale=default)).order_by("-first_published_at", "pk")
    )
    keys = [workshop.translation_key for workshop in workshops]
    titles = {page.translation_key: page.title for page in WorkshopPage.objects.live().filter(locale=locale)}

    attended = Registration.objects.filter(
        status=RegistrationStatus.ATTENDED, session__workshop__translation_key__in=keys
    ).annotate(address=Lower("email"))
    participants = attended.values("address").distinct().count()
    participants_by = dict(
        attended.values_list("session__workshop__translation_key").annotate(n=Count("address", distinct=True))
    )
    members = Counter()
    for key, origin, n in (
        WorkshopMember.objects.filter(workshop__translation_key__in=keys)
        .values_list("workshop__translation_key", "origin")
        .annotate(n=Count("pk"))
    ):
        members[key, origin] += n

    recommendations = restrictions.public(RecommendationPage.objects.live().filter(locale=default))
    answers = Counter()
    for key, answer, n in (
        recommendations.values_list("workshop__translation_key", "answer").annotate(n=Count("pk")).order_by()
    ):
        answers[key, answer] += n
        answers[None, answer] += n
    actions = Counter()
    for key, status, n in (
        Action.objects.filter(page__in=recommendations)
        .values_list("page__workshop__translation_key", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        actions[key, status] += n
        actions[None, status] += n
    delays = [
        (answered - delivered).days
        for delivered, answered in recommendations.exclude(answer=Answer.UNDER_STUDY)
        .filter(delivered_on__isnull=False, answered_on__isnull=False)
        .values_list("delivered_on", "answered_on")
    ]

    def summary(key):
        return {
            "recommendations": sum(answers[key, value] for value in Answer.values),
            "answers": bars(Answer.choices, lambda value: answers[key, value]),
            "actions_total": sum(actions[key, value] for value in ActionStatus.values),
            "actions": bars(ActionStatus.choices, lambda value: actions[key, value]),
        }

    per_workshop = [
        {
            "key": str(workshop.translation_key),
            "title": titles.get(workshop.translation_key, workshop.title),
            "status": workshop.get_status_display(),
            "participants": participants_by.get(workshop.translation_key, 0),
            "drawn": members[workshop.translation_key, MemberOrigin.DRAWN],
            "volunteers": members[workshop.translation_key, MemberOrigin.VOLUNTEER],
            **summary(workshop.translation_key),
        }
        for workshop in workshops
    ]
    overall = summary(None)
    return {
        "workshops_held": sum(1 for workshop in workshops if workshop.status in HELD),
        "workshops": len(workshops),
        "participants": participants,
        "drawn": sum(n for (key, origin), n in members.items() if origin == MemberOrigin.DRAWN),
        "volunteers": sum(n for (key, origin), n in members.items() if origin == MemberOrigin.VOLUNTEER),
        "median_days_to_answer": round(median(delays)) if delays else None,
        "answered": len(delays),
        **overall,
        "per_workshop": per_workshop,
    }


BAR_SPACING = 32  # px between the bars of a chart
BAR_START, BAR_LENGTH = 270, 300  # px: where bars start after their label, and the length of 100 %


def bars(choices, count_of):
    """A bar chart's rows, one per value: its count, its share of the total and where it is drawn."""
    counts = [(value, label, count_of(value)) for value, label in choices]
    total = sum(n for _value, _label, n in counts)
    rows = []
    for index, (value, label, n) in enumerate(counts):
        width = BAR_LENGTH * share(n, total) // 100
        rows.append(
            {
                "value": value,
                "label": str(label),
                "count": n,
                "percent": share(n, total),
                "y": index * BAR_SPACING,
                "x": BAR_START,
                "width": width,
                "value_x": BAR_START + width + 8,
            }
        )
    return {"rows": rows, "height": len(rows) * BAR_SPACING, "total": total}
