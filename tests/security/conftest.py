from tests.archive.conftest import archive  # noqa: F401 (fixtures shared here)
from tests.comments.conftest import in_french, say, send_emails_at_once, workshop  # noqa: F401
from tests.registrations.conftest import make_session  # noqa: F401
