import pytest

from tests.archive.conftest import archive  # noqa: F401 (fixtures shared here)
from tests.comments.conftest import say, send_emails_at_once, workshop  # noqa: F401
from tests.registrations.conftest import make_session  # noqa: F401
from tests.servers import Redis


@pytest.fixture
def redis_cache(settings):
    """The portal's cache on a real Redis, started for the test (as production settings build it from CACHE_URL)."""
    redis = Redis().start()
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield redis
    redis.stop()
