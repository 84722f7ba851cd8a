"""The organisers' page for one draw: pool, quota editor with a live feasibility check, import, and each step."""

from django.contrib import messages
from django.forms import modelformset_factory
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from draws import services, tasks
from draws.forms import ImportForm, QuotaForm, RandomnessForm
from draws.models import Candidacy, Draw, DrawStatus, Outcome, Quota
from draws.permissions import RUN
from draws.wording import feature_label, group_label, sentence
from portal.permissions import require
from portal.refusals import Refused, tell

QuotaFormSet = modelformset_factory(Quota, form=QuotaForm, extra=3, can_delete=True)


def run(request, pk):
    require(request, RUN)
    draw = get_object_or_404(Draw.objects.select_related("workshop"), pk=pk)
    formset = QuotaFormSet(queryset=draw.quotas.all(), prefix="quotas")
    if request.method == "POST" and "save_quotas" in request.POST:
        if draw.is_frozen:
            messages.error(request, _("The quotas are frozen."))
            return redirect("draws_admin:run", pk=draw.pk)
        formset = QuotaFormSet(request.POST, queryset=draw.quotas.all(), prefix="quotas")
        if formset.is_valid():
            for quota in formset.save(commit=False):
                quota.draw = draw
                quota.save()
            for quota in formset.deleted_objects:
                quota.delete()
            messages.success(request, _("The quotas are saved."))
            return redirect("draws_admin:run", pk=draw.pk)
    candidacies = list(draw.candidacies.order_by("outcome", "alternate_rank", "reference"))
    for candidacy in candidacies:
        candidacy.feature_labels = [feature_label(*feature) for feature in candidacy.features.items()]
    for form in formset:
        form.group_label = group_label(form.instance) if form.instance.pk else ""
    context = {
        "draw": draw,
        "formset": formset,
        "frozen_quotas": [(group_label(quota), quota) for quota in draw.quotas.all()] if draw.is_frozen else None,
        "problems": [sentence(problem) for problem in services.problems(draw)],
        "candidacies": candidacies,
        "pool_size": len(candidacies),
        "import_form": ImportForm(),
        "randomness_form": RandomnessForm(),
        "statuses": DrawStatus,
        "outcomes": Outcome,
    }
    return TemplateResponse(request, "draws/admin/run.html", context)


@require_POST
def check_quotas(request, pk):
    """The live check behind the quota editor: would these quotas (not yet saved) work with this pool?"""
    require(request, RUN)
    draw = get_object_or_404(Draw, pk=pk)
    formset = QuotaFormSet(request.POST, queryset=draw.quotas.all(), prefix="quotas")
    if not formset.is_valid():
        return JsonResponse({"ok": False, "problems": [_("Some rows are incomplete or wrong; see the table.")]})
    rows = [
        (data["category"], data["value"], data["minimum"], data["maximum"])
        for data in (form.cleaned_data for form in formset.forms)
        if data and not data.get("DELETE")
    ]
    found = [sentence(problem) for problem in services.problems_with(draw, rows)]
    return JsonResponse({"ok": not found, "problems": found})


@require_POST
def import_files(request, pk):
    require(request, RUN)
    draw = get_object_or_404(Draw, pk=pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose both files."))
        return redirect("draws_admin:run", pk=draw.pk)
    try:
        people, quotas = services.import_files(
            draw, form.cleaned_data["categories"], form.cleaned_data["respondents"], request.user
        )
    except Refused as refusal:
        tell(request, refusal)
    else:
        messages.success(
            request, _("%(people)d respondents and %(quotas)d quotas imported.") % {"people": people, "quotas": quotas}
        )
    return redirect("draws_admin:run", pk=draw.pk)


@require_POST
def step(request, pk):
    """Freeze, compute, cancel the computation, or draw: each refuses unless the draw is at the right step."""
    require(request, RUN)
    draw = get_object_or_404(Draw, pk=pk)
    action = request.POST.get("action")
    try:
        if action == "freeze":
            if not request.POST.get("confirm_freeze"):
                raise Refused(_("Tick the box to confirm the freeze: it cannot be undone."))
            services.freeze(draw, request.user)
            messages.success(request, _("The pool and the quotas are frozen; their fingerprints are public."))
        elif action == "compute":
            if draw.status != DrawStatus.FROZEN:
                raise Refused(_("Freeze the pool and the quotas first."))
            tasks.compute_lottery.enqueue(draw.pk)
            messages.success(request, _("The distribution is being computed; the lottery appears when it is ready."))
        elif action == "cancel":
            services.cancel_computation(draw, request.user)
            messages.success(request, _("The computation stops within a few seconds; the draw is then frozen again."))
        elif action == "draw":
            form = RandomnessForm(request.POST)
            if not form.is_valid():
                raise Refused(_("Type in the public randomness exactly as it was produced."))
            services.draw_panel(draw, request.user, form.cleaned_data["randomness"])
            messages.success(request, _("The panel is drawn and published; residents are being emailed."))
    except Refused as refusal:
        tell(request, refusal)
    return redirect("draws_admin:run", pk=draw.pk)


@require_POST
def decline(request, pk):
    require(request, RUN)
    candidacy = get_object_or_404(Candidacy, pk=pk)
    try:
        invited = services.decline(candidacy, request.user)
    except Refused as refusal:
        tell(request, refusal)
    else:
        if invited:
            messages.success(
                request, _("Seat declined; alternate %(reference)s is invited.") % {"reference": invited.reference}
            )
        else:
            messages.warning(request, _("Seat declined; no alternate is left to invite."))
    return redirect("draws_admin:run", pk=candidacy.draw_id)
