"""The last email to a resident: their account is gone, so the task carries address and language."""

from django.db import transaction
from django.utils import translation
from django_tasks import task

from portal.emails import absolute, compose


def send_farewell_later(user):
    address, language, name = user.email, user.preferred_language or "fr", str(user.public_name)
    if address:
        transaction.on_commit(lambda: send_farewell.enqueue(address, language, name))


@task()
def send_farewell(address, language, name):
    with translation.override(language):
        context = {"name": name, "portal_url": absolute("/")}
        compose("accounts/email/deleted.txt", context, to=[address]).send()
    return True
