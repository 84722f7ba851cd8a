from tests.comments.conftest import say, send_emails_at_once, workshop  # noqa: F401 (fixtures shared here)
from tests.registrations.conftest import make_session  # noqa: F401
from tests.archive.conftest import archive  # noqa: F401
