"""What happens to a person's traces when their account is deleted, by themselves or in the admin."""

from django.db import transaction

from accounts.emails import send_farewell_later
from comments.services import forget_author
from draws.services import forget_candidate
from registrations.services import erase_personal_data


def may_delete_own_account(user):
    """Staff accounts own pages, moderation and draws: an administrator closes them."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def erase_traces(user):
    """Sessions still to come are cancelled (the waiting list moves up) and every
    registration anonymised; candidacies are withdrawn or anonymised; comments stay,
    without a name. Runs before every deletion of a user (``AccountsConfig.ready``),
    so that an administrator's deletion in the admin leaves no more behind.
    """
    erase_personal_data(user)
    forget_candidate(user)
    forget_author(user)


def delete_account(user):
    """The resident's right to erasure, all or nothing, and a last email once it is done."""
    with transaction.atomic():
        send_farewell_later(user)
        user.delete()
