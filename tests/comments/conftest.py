import pytest
from django.core import mail
from django.utils import translation

from comments import services
from outbox import sending


@pytest.fixture(autouse=True)
def send_emails_at_once(monkeypatch):
    """Tests run in a transaction that never commits: send where production waits for the commit."""
    monkeypatch.setattr(sending, "send_after_commit", lambda email: sending.deliver_email.enqueue(email.pk))


@pytest.fixture
def workshop(site_tree):
    return site_tree["workshops"]["fr"]


@pytest.fixture
def say(workshop):
    """Post as ``user`` on the workshop, through the service."""

    def post(user, text="Bonne idée", page=None, **fields):
        return services.post(user, page or workshop, services.Post(text=text, **fields))

    return post


@pytest.fixture
def moderator(resident):
    from django.contrib.auth.models import Group

    user = resident("Modératrice", username="moderatrice")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox


@pytest.fixture(autouse=True)
def in_french():
    """Services run outside requests here; give them the site's default language."""
    with translation.override("fr"):
        yield
