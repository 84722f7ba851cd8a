from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from portal import page_cache, rate_limits, restrictions
from portal.csrf import open_to_visitors
from portal.refusals import Refused, tell
from registrations import services, tokens
from registrations.calendars import make_calendar
from registrations.forms import RegistrationForm
from registrations.models import Registration
from workshops.models import Session, WorkshopPage


def displayed_session(pk, locale):
    sessions = services.shown(Session.objects.filter(pk=pk).published_in(locale), locale)
    if not sessions:
        raise Http404
    return sessions[0]


@open_to_visitors  # the form is on cached pages; a guest is confirmed only through the emailed link
def session_detail(request, pk):
    """The session, its seats left and who may come, and the registration form.

    Visitors who are not signed in all get the same page, from the page cache until a
    registration or the session changes (``registrations.services.shown``).
    """
    locale = Locale.get_active()
    page_cache.cacheable(request)
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        session = get_object_or_404(Session.objects.published_in(locale), pk=pk)
        form = RegistrationForm(request.POST, session=session, user=user, locale=locale)
        if form.is_valid():
            applicant = form.applicant()
            if user is None:
                domain = applicant.email.rpartition("@")[2].lower()
                rate_limits.hit(request, "guest_registration", email=applicant.email.lower(), domain=domain)
            else:
                rate_limits.hit(request, "registration")
            try:
                registration = services.register(session, applicant)
            except Refused as error:
                if error.field is None:
                    tell(request, error)
                    return redirect(session.get_absolute_url() + "#registration")
                form.add_error(error.field, error.message)  # shown again with everything typed
            else:
                messages.success(request, outcome_message(registration))
                return redirect(session.get_absolute_url() + "#registration")
        session = displayed_session(pk, locale)
    else:
        session = displayed_session(pk, locale)
        form = RegistrationForm(session=session, user=user, locale=locale)
    mine = Registration.objects.active().filter(session=session, user=user).first() if user else None
    context = {
        "session": session,
        "form": form,
        "state": session.registration_state(),
        "mine": mine,
        "position": mine.waitlist_position() if mine else None,
        "childcare_left": services.childcare_left(session),
        "members_only": not session.open_to_public,
        "may_register": session.open_to_public or user is None or services.is_member(session, user),
        "members_only_reason": services.MEMBERS_ONLY,
    }
    return render(request, "registrations/session_detail.html", context, status=400 if form.errors else 200)


def outcome_message(registration):
    if registration.awaiting_email_confirmation:
        return _("Almost done: we sent you an email. Follow its link to confirm your registration.")
    position = registration.waitlist_position()
    if position:
        return _("The session is full: you are number %(position)s on the waiting list.") % {"position": position}
    return _("Your seat is booked. A confirmation email is on its way.")


def confirm(request, token):
    try:
        registration = services.confirm_email(tokens.read_token(token, tokens.CONFIRM))
    except tokens.InvalidLink as error:
        return render(request, "registrations/link_problem.html", {"message": error.message}, status=400)
    except Refused as error:
        return render(request, "registrations/link_problem.html", {"message": error.message}, status=409)
    messages.success(request, outcome_message(registration))
    return redirect(registration.session.get_absolute_url())


def cancel(request, token):
    """From the email: shows what would be cancelled, cancels on POST; no sign-in needed."""
    try:
        registration = tokens.read_token(token, tokens.CANCEL)
    except tokens.InvalidLink as error:
        return render(request, "registrations/link_problem.html", {"message": error.message}, status=400)
    if request.method == "POST":
        return cancel_and_report(request, registration)
    session = displayed_session(registration.session_id, Locale.get_active())
    return render(request, "registrations/cancel.html", {"registration": registration, "session": session})


def cancel_and_report(request, registration):
    try:
        services.cancel(registration)
    except Refused as error:
        tell(request, error)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(registration.session.get_absolute_url())


@login_required
@require_POST
def cancel_mine(request, pk):
    registration = get_object_or_404(Registration, pk=pk, user=request.user)
    cancel_and_report(request, registration)
    return redirect("accounts:profile")


@login_required
def erase_my_data(request):
    if request.method == "POST":
        count = services.erase_personal_data(request.user)
        messages.success(request, _("Your registration details have been erased (%(count)s).") % {"count": count})
        return redirect("accounts:profile")
    return render(request, "registrations/erase.html")


def calendar_response(request, sessions, name, filename):
    ics = make_calendar(sessions, name, get_language(), request.build_absolute_uri("/").rstrip("/"))
    return HttpResponse(
        ics,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


def session_calendar(request, pk):
    session = displayed_session(pk, Locale.get_active())
    return calendar_response(request, [session], session.local_text.title, f"session-{pk}.ics")


def workshop_calendar(request, page_id):
    locale = Locale.get_active()
    workshop = get_object_or_404(restrictions.public(WorkshopPage.objects.live()), pk=page_id, locale=locale)
    sessions = Session.objects.of_workshop(workshop).for_display(locale)
    return calendar_response(request, sessions, workshop.title, f"workshop-{page_id}.ics")


def upcoming_calendar(request):
    locale = Locale.get_active()
    sessions = Session.objects.upcoming().published_in(locale).for_display(locale)
    return calendar_response(request, sessions, _("Upcoming sessions"), "sessions.ics")
