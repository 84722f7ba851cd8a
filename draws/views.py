"""The public side of a draw: its page, the application form and the audit download."""

import json
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from draws import services
from draws.forms import ApplicationForm
from draws.models import DRAWS, Draw, DrawStatus
from draws.wording import group_label
from portal import page_cache, rate_limits, versions
from portal.refusals import Refused, tell
from sortition import __version__ as sortition_version

# Built by `make verifier` from sortition/ (a test checks that it holds today's code).
VERIFIER_WHEEL = f"sortition-{sortition_version}-py3-none-any.whl"


def _public_draw(pk):
    draw = get_object_or_404(Draw.objects.select_related("workshop"), pk=pk)
    if not draw.workshop.live:
        raise Http404
    return draw


def composition(draw, candidacies):
    """Per quota: how many in the pool and, once drawn, on the panel; ``candidacies`` as (reference, features)."""
    selected = set(draw.audit.get("result", {}).get("selected", []))
    pool, panel = Counter(), Counter()
    for reference, features in candidacies:
        for feature in features.items():
            pool[feature] += 1
            if reference in selected:
                panel[feature] += 1
    return [
        {
            "quota": quota,
            "label": group_label(quota),
            "pool": pool[(quota.category, quota.value)],
            "panel": panel[(quota.category, quota.value)],
        }
        for quota in draw.quotas.all()
    ]


def detail(request, pk):
    """The draw, its quotas and record: the same for every visitor, so cached until a draw changes."""
    page_cache.cacheable(request)
    versions.depends_on(DRAWS)
    draw = _public_draw(pk)
    if draw.status == DrawStatus.OPEN:
        versions.valid_until(draw.closes_at)  # the page says applications are open until then
    candidacies = list(draw.candidacies.values_list("reference", "features"))  # plain values: no row objects
    mine = None
    if request.user.is_authenticated:
        mine = next((c for c in draw.candidacies.filter(user=request.user)), None)
    context = {
        "draw": draw,
        "workshop": draw.workshop.localized,
        "pool_size": len(candidacies),
        "rows": composition(draw, candidacies),
        "mine": mine,
        "statuses": DrawStatus,
        "minimum_probability": min(draw.audit.get("probabilities", {1: 0}).values()) if draw.audit else None,
        "fallback_share": formats.number_format(100 * draw.computation.get("share", 1), 1) + " %",
        "audit_filename": audit_filename(draw),
        "verifier_filename": VERIFIER_WHEEL,
        "verifier_path": f"downloads/{VERIFIER_WHEEL}",
    }
    return TemplateResponse(request, "draws/detail.html", context)


def audit_filename(draw):
    return f"draw-{draw.pk}-audit.json"


@login_required
def apply(request, pk):
    draw = _public_draw(pk)
    if not draw.is_open:
        messages.error(request, _("Applications for this draw are closed."))
        return redirect("draws:detail", pk=draw.pk)
    form = ApplicationForm(request.POST or None, draw=draw, locale=Locale.get_active())
    if request.method == "POST" and form.is_valid():
        rate_limits.hit(request, "draw_application")  # withdrawing deletes the answers: the cache counts
        try:
            services.apply(draw, request.user, form.features(), timezone.now())
        except Refused as refusal:
            tell(request, refusal)
        else:
            messages.success(request, _("You are in the pool. You will be emailed the result of the draw."))
        return redirect("draws:detail", pk=draw.pk)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "draws/apply.html", {"draw": draw, "form": form}, status=status)


def audit(request, pk):
    """The record anyone can replay with ``python -m sortition.verify``."""
    draw = _public_draw(pk)
    if draw.status not in (DrawStatus.LOTTERY, DrawStatus.DRAWN):
        raise Http404
    body = json.dumps(draw.audit, indent=2, ensure_ascii=False)
    return HttpResponse(
        body,
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{audit_filename(draw)}"'},
    )


def lottery(request, pk):
    """The m equally likely panels, serialised exactly as hashed: its SHA-256 is the published fingerprint."""
    draw = _public_draw(pk)
    if draw.status not in (DrawStatus.LOTTERY, DrawStatus.DRAWN):
        raise Http404
    return HttpResponse(
        services.lottery_bytes(draw),
        content_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="draw-{draw.pk}-lottery.json"'},
    )


@login_required
@require_POST
def withdraw(request, pk):
    draw = _public_draw(pk)
    try:
        removed = services.withdraw(draw, request.user)
    except Refused as refusal:
        tell(request, refusal)
    else:
        if removed:
            messages.success(request, _("You are no longer in the pool; your answers are deleted."))
    return redirect("draws:detail", pk=draw.pk)
