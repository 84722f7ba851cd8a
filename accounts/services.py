"""What happens to a resident's traces when they delete their account."""

from django.db import transaction

from accounts.emails import send_farewell_later
from comments.services import forget_author
from draws.services import forget_candidate
from registrations.services import erase_personal_data


def can_delete_itself(user):
    """Staff accounts own pages, moderation and draws: an administrator closes them."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def delete_account(user, now=None):
    """The right to erasure, all or nothing: sessions still to come are cancelled (the
    waiting list moves up) and every registration anonymised, candidacies withdrawn or
    anonymised, comments kept without a name, then the account and its addresses deleted.
    A last email, in the resident's language, says so once it is done.
    """
    with transaction.atomic():
        send_farewell_later(user)
        erase_personal_data(user, now)
        forget_candidate(user)
        forget_author(user)
        user.delete()
