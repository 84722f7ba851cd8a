"""Telling residents the result of a draw, in their language, through the outbox."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from draws.models import Candidacy
from outbox import sending
from portal.emails import absolute, compose

KIND = "draws"


def send_later(template, candidacy):
    """Record the email in the outbox with the change that causes it; it is sent after commit."""
    if candidacy.email:
        sending.send_later(KIND, template=template, candidacy_id=candidacy.pk)


@sending.builder(KIND)
def build_draw_email(payload):
    """The email, in the candidate's language; None once the candidacy or its address is gone."""
    template = payload["template"]
    candidacy = Candidacy.objects.select_related("draw__workshop").filter(pk=payload["candidacy_id"]).first()
    if candidacy is None or not candidacy.email:
        return None
    with translation.override(candidacy.language or settings.LANGUAGE_CODE):
        workshop = candidacy.draw.workshop.localized
        context = {
            "candidacy": candidacy,
            "workshop": workshop,
            "draw_url": absolute(reverse("draws:detail", args=[candidacy.draw_id])),
            "workshop_url": absolute(workshop.url or "/"),
        }
        return compose(f"draws/email/{template}.txt", context, to=[candidacy.email])
