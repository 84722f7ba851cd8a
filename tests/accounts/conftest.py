import pytest

from outbox import sending


@pytest.fixture(autouse=True)
def send_emails_at_once(monkeypatch):
    """allauth's emails go through the outbox; tests run in a transaction that never commits."""
    monkeypatch.setattr(sending, "send_after_commit", lambda email: sending.deliver_email.enqueue(email.pk))
