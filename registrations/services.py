"""Seats, waiting list and cancellations, all under a lock on the session row.

Every change that needs an email writes a Notification in the same transaction, so a
registration and the promise to tell its owner are saved together; the emails are
sent after commit (see ``notifications.py``), and a failed send never undoes anything.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal import versions
from portal.refusals import Refused
from registrations import notifications
from registrations.models import (
    ACTIVE_STATUSES,
    SEATED_STATUSES,
    Notification,
    NotificationKind,
    Registration,
    RegistrationStatus,
)
from workshops.models import Session, WorkshopMember

SESSIONS = "sessions"  # the version of every session's text, seats and registrations (``portal.versions``)


@dataclass
class Applicant:
    """Who registers and what they told us, already validated by the form."""

    name: str
    email: str
    language: str
    user: object = None
    district: object = None
    children: int = 0
    children_ages: str = ""
    access_needs: str = ""
    old_enough: bool = True  # as declared; the public form asks, a staff move keeps the first answer


def with_seats_taken(sessions):
    """The sessions queryset annotated with ``seats_taken`` (seated registrations), in the same query."""
    seated = Q(registrations__status__in=SEATED_STATUSES)
    return sessions.annotate(seats_taken=Count("registrations", filter=seated))


def shown(sessions, locale):
    """Sessions as the public sees them: text and workshop in ``locale``, seats taken and left (three queries).

    A page that shows them is cached until a session or a registration changes, or one of
    them opens, closes, starts or ends (``portal.page_cache``).
    """
    versions.depends_on(SESSIONS)
    sessions = with_seats_taken(sessions).for_display(locale)
    now = timezone.now()
    for session in sessions:
        session.seats_left = max(session.offered_seats - session.seats_taken, 0)
        versions.valid_until(session.next_change(now))
    return sessions


def locked_session(session_id):
    return Session.objects.select_for_update().get(pk=session_id)


def seats_left(session):
    taken = Registration.objects.filter(session=session, status__in=SEATED_STATUSES).count()
    return max(session.offered_seats - taken, 0)


MEMBERS_ONLY = _(
    "This working session is for the workshop's members only: the residents drawn by lot and the volunteer "
    "members. If you are one of them, use the email address the organisers have. Sessions open to everyone "
    "are listed on the workshop's page."
)


def childcare_left(session):
    """Childcare places not yet promised to a seated registration. Caller holds the lock for a decision."""
    seated = Registration.objects.filter(session=session, status__in=SEATED_STATUSES)
    promised = seated.aggregate(children=Sum("children"))["children"] or 0
    return max(session.childcare_places - promised, 0)


def is_member(session, user=None, email=""):
    """Whether this account or address belongs to the workshop's members (drawn residents and volunteers)."""
    return WorkshopMember.objects.of_workshop(session.workshop).matching(user, email).exists()


def eligibility_problems(session, old_enough, district):
    """{form field: why this person may not come}, empty when they may: the age and residence rules."""
    problems = {}
    if session.minimum_age and not old_enough:
        problems["old_enough"] = _("Sessions of this workshop are open from the age of %(age)s.") % {
            "age": session.minimum_age
        }
    if session.residents_only and not district:
        problems["district"] = _("This session is for people who live in the city.")
    return problems


def check_admission(session, applicant, now):
    """Every rule a registration obeys, public or moved by staff; raises ``Refused``."""
    state = session.registration_state(now)
    if state == "over":
        raise Refused(_("This session has already taken place."))
    if state == "not_yet_open":
        raise Refused(_("Registration for this session has not opened yet."))
    if state == "closed":
        raise Refused(_("Registration for this session is closed."))
    if not session.open_to_public and not is_member(session, applicant.user, applicant.email):
        raise Refused(MEMBERS_ONLY)
    for field, problem in eligibility_problems(session, applicant.old_enough, applicant.district).items():
        raise Refused(problem, field=field)


def unconfirmed_holds_allowed(session):
    share = settings.REGISTRATION_UNCONFIRMED_SHARE * session.offered_seats
    return max(settings.REGISTRATION_UNCONFIRMED_MINIMUM, math.ceil(share))


def check_unconfirmed_holds(session, now):
    """Guests hold a seat until they confirm their address; made-up guests must not hold them all.
    Caller holds the lock."""
    held = Registration.objects.holding_unconfirmed(now).filter(session=session).count()
    if held >= unconfirmed_holds_allowed(session):
        raise Refused(
            _(
                "Many seats of this session are held for people who have not confirmed their email address yet. "
                "Please try again in a few minutes, or sign in to register at once."
            )
        )


def check_childcare(session, children, seated):
    """Refuse more children than places left, when the registration takes a seat now."""
    if not children or not seated:
        return
    left = childcare_left(session)
    if children <= left:
        return
    if left == 0:
        message = _("No childcare place is left at this session. You can still register without childcare.")
    else:
        message = ngettext(
            "Only %(left)d childcare place is left at this session: lower the number of children, or register "
            "without childcare.",
            "Only %(left)d childcare places are left at this session: lower the number of children, or register "
            "without childcare.",
            left,
        ) % {"left": left}
    raise Refused(message, field="children")


def free_seat_number(session):
    """The lowest seat number not taken, or None when the session is full."""
    taken = set(Registration.objects.filter(session=session, seat__isnull=False).values_list("seat", flat=True))
    return next((n for n in range(1, session.offered_seats + 1) if n not in taken), None)


def waitlist_positions(session_id):
    """Every waiting person's position in one query: {registration pk: position}."""
    waiting = Registration.objects.waiting().filter(session_id=session_id).values_list("pk", flat=True)
    return {pk: position for position, pk in enumerate(waiting, start=1)}


def notify(registration, kind, **fields):
    notification = Notification.objects.create(registration=registration, kind=kind, **fields)
    notifications.send_after_commit(notification)
    return notification


def register(session, applicant, now=None):
    """Give ``applicant`` a seat, or a place on the waiting list when the session is full."""
    now = now or timezone.now()
    email = applicant.email.strip().lower()
    with transaction.atomic():
        session = locked_session(session.pk)
        release_expired_holds(session, now)
        check_admission(session, applicant, now)
        existing = Registration.objects.active().filter(session=session, email=email).first()
        if existing is None and applicant.user is not None:
            existing = Registration.objects.active().filter(session=session, user=applicant.user).first()
        if existing is not None:
            raise Refused(_("You are already registered for this session."))

        seat = free_seat_number(session)
        if applicant.user is None and seat is not None:
            check_unconfirmed_holds(session, now)
        check_childcare(session, applicant.children, seated=seat is not None)
        registration = Registration.objects.create(
            session=session,
            user=applicant.user,
            name=applicant.name.strip(),
            email=email,
            language=applicant.language,
            district=applicant.district,
            children=applicant.children,
            children_ages=applicant.children_ages.strip(),
            access_needs=applicant.access_needs.strip(),
            status=RegistrationStatus.CONFIRMED if seat else RegistrationStatus.WAITLISTED,
            seat=seat,
            waitlisted_at=None if seat else now,
            email_confirmed_at=now if applicant.user is not None else None,
            hold_expires_at=None
            if applicant.user is not None
            else now + timedelta(minutes=settings.REGISTRATION_HOLD_MINUTES),
            consent_at=now,
            created_at=now,
        )
        if applicant.user is None:
            notify(registration, NotificationKind.CONFIRM_EMAIL)
        else:
            notify(registration, outcome_kind(registration))
    return registration


def outcome_kind(registration):
    if registration.status == RegistrationStatus.WAITLISTED:
        return NotificationKind.WAITLISTED
    return NotificationKind.CONFIRMED


def confirm_email(registration, now=None):
    """The double opt-in link was followed: keep the seat (or the place in line) for good."""
    now = now or timezone.now()
    with transaction.atomic():
        locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.email_confirmed_at is not None:
            return registration
        if not registration.is_active or registration.hold_expires_at <= now:
            raise Refused(
                _("This link came too late: the seat was given back. You can register again if seats are left.")
            )
        registration.email_confirmed_at = now
        registration.hold_expires_at = None
        registration.save(update_fields=["email_confirmed_at", "hold_expires_at"])
        notify(registration, outcome_kind(registration))
    return registration


def cancel(registration, now=None):
    """Free the seat and give it to the first person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration
        if registration.status == RegistrationStatus.ATTENDED:
            raise Refused(_("This session has already taken place."))
        end_registration(registration, RegistrationStatus.CANCELLED, now)
        notify(registration, NotificationKind.CANCELLED)
        promote_from_waitlist(session, now)
    return registration


def end_registration(registration, status, now):
    registration.status = status
    registration.seat = None
    registration.waitlisted_at = None
    registration.cancelled_at = now
    registration.save(update_fields=["status", "seat", "waitlisted_at", "cancelled_at"])


def promote_from_waitlist(session, now=None):
    """Seat people from the waiting list, in order, while seats are free. Caller holds the lock."""
    now = now or timezone.now()
    promoted = []
    for candidate in Registration.objects.waiting().filter(session=session).select_for_update():
        seat = free_seat_number(session)
        if seat is None:
            break
        if candidate.children > childcare_left(session):
            continue  # their children cannot be looked after yet: the next person who fits goes first
        candidate.status = RegistrationStatus.CONFIRMED
        candidate.seat = seat
        candidate.waitlisted_at = None
        candidate.save(update_fields=["status", "seat", "waitlisted_at"])
        if candidate.email_confirmed_at is not None:
            notify(candidate, NotificationKind.PROMOTED)
        promoted.append(candidate)
    return promoted


def release_expired_holds(session, now=None):
    """Give back seats held for people who did not confirm their email in time. Caller holds the lock."""
    now = now or timezone.now()
    expired = list(Registration.objects.unconfirmed_past_hold(now).filter(session=session).select_for_update())
    for registration in expired:
        end_registration(registration, RegistrationStatus.EXPIRED, now)
    if expired:
        promote_from_waitlist(session, now)
    return expired


def release_hold(registration, now=None):
    """Staff give back a seat held for a guest who has not confirmed their address (a made-up one, say)."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.awaiting_email_confirmation:
            raise Refused(_("This registration is not waiting for an email confirmation any more."))
        end_registration(registration, RegistrationStatus.EXPIRED, now)
        promote_from_waitlist(session, now)
    return registration


def mark_attendance(registration, attended):
    with transaction.atomic():
        locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if attended and registration.status == RegistrationStatus.CONFIRMED:
            registration.status = RegistrationStatus.ATTENDED
        elif not attended and registration.status == RegistrationStatus.ATTENDED:
            registration.status = RegistrationStatus.CONFIRMED
        else:
            return registration
        registration.save(update_fields=["status"])
    return registration


def move(registration, target, now=None):
    """Staff move a person to another session: a new registration there, then the old one cancelled."""
    now = now or timezone.now()
    if target.pk == registration.session_id:
        raise Refused(_("This person is already registered for that session."))
    applicant = Applicant(
        name=registration.name,
        email=registration.email,
        language=registration.language,
        user=registration.user,
        district=registration.district,
        children=registration.children,
        children_ages=registration.children_ages,
        access_needs=registration.access_needs,
    )
    with transaction.atomic():
        first, second = sorted([registration.session_id, target.pk])
        locked_session(first)
        locked_session(second)
        moved = register(target, applicant, now)
        if registration.email_confirmed_at and moved.email_confirmed_at is None:
            moved.email_confirmed_at, moved.hold_expires_at = registration.email_confirmed_at, None
            moved.save(update_fields=["email_confirmed_at", "hold_expires_at"])
        cancel(registration, now)
    return moved


def anonymise(registration, now=None):
    """Keep the fact of a registration for statistics, drop everything that identifies the person."""
    now = now or timezone.now()
    registration.user = None
    registration.name = ""
    registration.email = f"anonymised-{registration.pk}@invalid"
    registration.children_ages = ""
    registration.access_needs = ""
    registration.district = None
    registration.anonymised_at = now
    registration.save()
    registration.notifications.all().delete()
    return registration


def purge_past_retention(now=None):
    """Seats held past their time given back everywhere; registrations never confirmed, then those of
    sessions long over, anonymised. Returns {what: how many} (``manage.py purge_personal_data``)."""
    now = now or timezone.now()
    released = 0
    for session_id in set(Registration.objects.unconfirmed_past_hold(now).values_list("session_id", flat=True)):
        with transaction.atomic():
            released += len(release_expired_holds(locked_session(session_id), now))
    never_confirmed = Registration.objects.filter(
        email_confirmed_at__isnull=True,
        user__isnull=True,
        created_at__lt=now - timedelta(days=settings.UNCONFIRMED_REGISTRATION_RETENTION_DAYS),
        anonymised_at__isnull=True,
    ).exclude(status__in=ACTIVE_STATUSES)
    past = Registration.objects.filter(
        session__end__lt=now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS), anonymised_at__isnull=True
    )
    counts = {"holds released": released}
    for label, rows in (("unconfirmed registrations anonymised", never_confirmed), ("registrations anonymised", past)):
        counts[label] = sum(1 for registration in rows.iterator() if anonymise(registration, now))
    return counts


def erase_personal_data(user, now=None):
    """A resident's own request: cancel what is still to come, then anonymise every registration."""
    now = now or timezone.now()
    registrations = list(user.registrations.select_related("session"))
    for registration in registrations:
        still_to_come = registration.session.end > now
        if still_to_come and registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED):
            registration = cancel(registration, now)
        anonymise(registration, now)
    return len(registrations)


def displayed_sessions(registrations, locale):
    """{session id: the session as displayed in ``locale``} for these registrations (four queries)."""
    return {s.pk: s for s in shown(Session.objects.filter(pk__in={r.session_id for r in registrations}), locale)}


def data_of(user, locale):
    """Everything the resident's registrations hold, for their own download (five queries)."""
    registrations = list(user.registrations.select_related("district").order_by("created_at"))
    sessions = displayed_sessions(registrations, locale)
    rows = []
    for r in registrations:
        session = sessions[r.session_id]
        rows.append(
            {
                "session": session.local_text.title if session.local_text else "",
                "starts_at": session.start.isoformat(),
                "status": r.status,
                "seat": r.seat,
                "name": r.name,
                "email": r.email,
                "language": r.language,
                "district": r.district.name if r.district else None,
                "children": r.children,
                "children_ages": r.children_ages,
                "access_needs": r.access_needs,
                "registered_at": r.created_at.isoformat(),
                "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
            }
        )
    return rows


def registrations_of(user, locale):
    """A resident's active registrations with their sessions as displayed in ``locale``."""
    registrations = list(user.registrations.active().order_by("session__start"))
    sessions = displayed_sessions(registrations, locale)
    for registration in registrations:
        registration.displayed_session = sessions[registration.session_id]
        registration.position = registration.waitlist_position()
    return registrations
