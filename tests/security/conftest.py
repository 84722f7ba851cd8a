from tests.comments.conftest import in_french, say, send_emails_at_once, workshop  # noqa: F401
