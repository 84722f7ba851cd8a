"""Telling residents the result of a draw, in their language, after the change commits."""

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from draws.models import Candidacy
from portal.emails import absolute, compose


def send_later(template, candidacy):
    if candidacy.email:
        transaction.on_commit(lambda: send_draw_email.enqueue(template, candidacy.pk))


@task()
def send_draw_email(template, candidacy_id):
    candidacy = Candidacy.objects.select_related("draw__workshop").filter(pk=candidacy_id).first()
    if candidacy is None or not candidacy.email:
        return False
    with translation.override(candidacy.language):
        workshop = candidacy.draw.workshop.localized
        context = {
            "candidacy": candidacy,
            "workshop": workshop,
            "draw_url": absolute(reverse("draws:detail", args=[candidacy.draw_id])),
            "workshop_url": absolute(workshop.url or "/"),
        }
        compose(f"draws/email/{template}.txt", context, to=[candidacy.email]).send()
    return True
