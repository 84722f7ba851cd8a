"""Staff work on one session's registrations: counts, filters, attendance, moves, exports, a message."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from portal.permissions import require
from portal.refusals import Refused, tell
from registrations import exports, services
from registrations.models import ACTIVE_STATUSES, NotificationKind, Registration, RegistrationStatus
from registrations.permissions import CHANGE, PRIVATE, VIEW
from workshops.models import Session


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)


def session_registrations(request, pk):
    require(request, VIEW)
    locale = Locale.get_active()
    session = Session.objects.filter(pk=pk).for_display(locale)
    if not session:
        return redirect("sessions:index")
    session = session[0]
    registrations = Registration.objects.filter(session=session).select_related("district")
    status = request.GET.get("status")
    if status in RegistrationStatus.values:
        registrations = registrations.filter(status=status)
    private = request.user.has_perm(PRIVATE)

    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        positions = services.waitlist_positions(session.pk)
        write = exports.as_csv if export == "csv" else exports.as_xlsx
        data = write(registrations, positions, private)
        content_type = {
            "csv": "text/csv; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[export]
        filename = f"session-{session.pk}-registrations.{export}"
        return HttpResponse(
            data, content_type=content_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
        )

    counts = Registration.objects.filter(session=session).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        attended=Count("pk", filter=Q(status=RegistrationStatus.ATTENDED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        unconfirmed=Count("pk", filter=Q(pk__in=Registration.objects.holding_unconfirmed())),
        children=Sum("children", filter=Q(status__in=ACTIVE_STATUSES), default=0),
    )
    other_sessions = Session.objects.exclude(pk=session.pk).upcoming().for_display(locale)
    listed = list(registrations.order_by("status", "seat", "waitlisted_at", "pk"))
    positions = services.waitlist_positions(session.pk)
    for registration in listed:
        registration.position = positions.get(registration.pk)
    context = {
        "session": session,
        "registrations": listed,
        "counts": counts,
        "private": private,
        "can_change": request.user.has_perm(CHANGE),
        "statuses": RegistrationStatus.choices,
        "status": status,
        "other_sessions": other_sessions,
        "message_form": MessageForm(),
    }
    return TemplateResponse(request, "registrations/admin/session_registrations.html", context)


@require_POST
def update_registration(request, pk):
    """Attendance, moves and held seats given back, one registration at a time (POST from the list)."""
    require(request, CHANGE)
    registration = get_object_or_404(Registration, pk=pk)
    action = request.POST.get("action")
    try:
        if action in {"attended", "not_attended"}:
            services.mark_attendance(registration, attended=action == "attended")
            messages.success(request, _("Attendance saved for %(name)s.") % {"name": registration.name})
        elif action == "release":
            services.release_hold(registration)
            messages.success(request, _("The seat held for %(name)s is given back.") % {"name": registration.name})
        elif action == "move":
            target_id = request.POST.get("target", "")
            target = get_object_or_404(Session, pk=int(target_id) if target_id.isdigit() else 0)
            services.move(registration, target)
            messages.success(request, _("%(name)s was moved to the other session.") % {"name": registration.name})
    except Refused as error:
        tell(request, error)
    return redirect("registrations_admin:session", registration.session_id)


@require_POST
def message_registrants(request, pk):
    require(request, CHANGE)
    session = get_object_or_404(Session, pk=pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        recipients = Registration.objects.active().filter(session=session)
        for registration in recipients:
            services.notify(registration, NotificationKind.MESSAGE, **form.cleaned_data)
        messages.success(request, _("Message queued for %(count)s people.") % {"count": len(recipients)})
    else:
        messages.error(request, _("The message needs a subject and a text."))
    return redirect("registrations_admin:session", session.pk)
