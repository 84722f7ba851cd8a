"""A person's traces: what the portal holds about them, and what becomes of it when their account goes."""

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.emails import send_farewell_later
from archive import endorsing
from comments import services as comments
from draws import services as draws
from registrations import services as registrations
from workshops.models import WorkshopMember


def may_delete_own_account(user):
    """Staff accounts own pages, moderation and draws: an administrator closes them."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def erase_traces(user):
    """Sessions still to come are cancelled (the waiting list moves up) and every
    registration anonymised; candidacies are withdrawn or anonymised; comments stay,
    without a name. Runs before every deletion of a user (``AccountsConfig.ready``),
    so that an administrator's deletion in the admin leaves no more behind.
    """
    registrations.erase_personal_data(user)
    draws.forget_candidate(user)
    comments.forget_author(user)
    WorkshopMember.objects.matching(user).delete()


def personal_data(user, locale):
    """Everything the portal holds about a resident, as they may ask to see it (GDPR art. 15)."""
    return {
        "account": {
            "username": user.username,
            "email": user.email,
            "public_name": user.display_name,
            "language_for_emails": user.preferred_language,
            "joined_at": user.date_joined.isoformat(),
            "last_signed_in_at": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
        },
        "registrations": registrations.data_of(user, locale),
        "draws": draws.data_of(user, locale),
        "workshop_memberships": [
            {"workshop": member.workshop.title, "name": member.name, "email": member.email, "seat": member.origin}
            for member in WorkshopMember.objects.matching(user).select_related("workshop")
        ],
        **comments.data_of(user, locale),
        "endorsements": endorsing.data_of(user, locale),
    }


def delete_account(user):
    """The resident's right to erasure, all or nothing, and a last email once it is done."""
    with transaction.atomic():
        send_farewell_later(user)
        user.delete()
