"""Residents' side of the archive: endorse, withdraw, stop the emails; and the open data files.

Endorsing works without JavaScript: a plain form. A visitor who is not signed in is sent
to sign in and comes back with the endorsement made (the choice waits in their session).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from archive import emails, endorsing, exports
from archive.forms import EndorseForm
from archive.models import Endorsement, RecommendationPage
from portal import rate_limits, restrictions
from portal.csrf import open_to_visitors
from portal.refusals import Refused, tell
from portal.unsubscribing import unsubscribe_view

PENDING = "archive_pending_endorsement"


def _recommendation(page_id):
    page = restrictions.public(RecommendationPage.objects.filter(pk=page_id).live()).first()
    if page is None:
        raise Http404
    return page


def _back_to(page, request):
    return HttpResponseRedirect((page.get_url(request) or "/") + "#endorsements")


@open_to_visitors  # the form is on cached pages; a visitor is asked to sign in before anything is made
@require_POST
def endorse(request, page_id):
    page = _recommendation(page_id)
    form = EndorseForm(request.POST)
    form.is_valid()  # two check boxes: any input is valid
    choice = {"show_name": form.cleaned_data.get("show_name", False), "notify": form.cleaned_data.get("notify", False)}
    if not request.user.is_authenticated:
        request.session[PENDING] = {"page": page.pk, **choice}
        return redirect_to_login(reverse("archive:resume", args=[page.pk]))
    return _endorse(request, page, choice)


@login_required
@require_GET
def resume(request, page_id):
    """Back from signing in: make the endorsement the visitor asked for before."""
    page = _recommendation(page_id)
    pending = request.session.pop(PENDING, None)
    if not pending or pending.get("page") != page.pk:
        return _back_to(page, request)
    return _endorse(request, page, {"show_name": bool(pending["show_name"]), "notify": bool(pending["notify"])})


def _endorse(request, page, choice):
    rate_limits.hit(request, "endorsement")
    try:
        created = endorsing.endorse(request.user, page, **choice)
    except Refused as refusal:
        tell(request, refusal)
        return _back_to(page, request)
    if created:
        messages.success(request, _("Thank you: you endorse this recommendation."))
    else:
        messages.info(request, _("You already endorse this recommendation; your choices are saved."))
    return _back_to(page, request)


@login_required
@require_POST
def withdraw(request, page_id):
    page = _recommendation(page_id)
    rate_limits.hit(request, "endorsement")
    try:
        withdrawn = endorsing.withdraw(request.user, page)
    except Refused as refusal:
        tell(request, refusal)
        return _back_to(page, request)
    if withdrawn:
        messages.success(request, _("Your endorsement is withdrawn."))
    return _back_to(page, request)


def _endorsement(token):
    endorsement_id = emails.endorsement_in(token)
    return Endorsement.objects.filter(pk=endorsement_id).first() if endorsement_id else None


unsubscribe = unsubscribe_view(
    _endorsement,
    lambda endorsement: endorsing.stop_emails(endorsement.pk),
    lambda endorsement: {
        "done": _("Done: you will no longer get emails about this recommendation. Your endorsement stays.")
    },
)


@require_GET
def export(request, language, extension):
    """The recommendations in one language as CSV or JSON, streamed row by row."""
    try:
        return exports.response(language, extension)
    except LookupError:
        raise Http404 from None
