import datetime

import pytest
from django.utils import timezone

from registrations.services import Applicant
from tests import factories


@pytest.fixture
def make_session(site_tree):
    def make(capacity=2, **fields):
        start = timezone.now() + datetime.timedelta(days=10)
        defaults = {
            "workshop": site_tree["workshops"]["fr"],
            "capacity": capacity,
            "start": start,
            "end": start + datetime.timedelta(hours=2),
            "registration_opens_at": timezone.now() - datetime.timedelta(days=1),
            "childcare_places": 5,
            "residents_only": False,
            "titles": {"fr": "Séance de travail", "en": "Working session"},
        }
        return factories.SessionFactory(**{**defaults, **fields})

    return make


def applicant_for(user, **fields):
    return Applicant(name=user.public_name, email=user.email, language=user.preferred_language, user=user, **fields)


def guest(n, **fields):
    return Applicant(**{"name": f"Invité {n}", "email": f"guest{n}@example.org", "language": "fr", **fields})


@pytest.fixture(autouse=True)
def send_emails_at_once(monkeypatch):
    """Tests run inside one transaction that never commits: deliver where production waits for the commit.

    ``test_emails_wait_for_the_commit`` checks the real on-commit behaviour.
    """
    from registrations import notifications

    monkeypatch.setattr(notifications, "send_after_commit", lambda n: notifications.deliver_notification.enqueue(n.pk))
