"""Redis, shared by every app server, that never takes a page down with it.

Django's Redis backend raises when Redis does not answer. Every use of the cache here is
an optimisation or a limit: with Redis down, a read finds nothing, a write is dropped, a
counter starts again, and the page is rendered from the database. Each fault is logged,
at most once a minute per process, so an outage is seen without flooding the logs.
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 60

# What each operation answers while Redis is away, from the arguments it was given.
ANSWERS = {
    "get": lambda key, default=None, *rest, **named: named.get("default", default),
    "get_many": lambda *args, **named: {},
    "has_key": lambda *args, **named: False,
    "add": lambda *args, **named: False,
    "set": lambda *args, **named: None,
    "set_many": lambda *args, **named: [],
    "touch": lambda *args, **named: False,
    "delete": lambda *args, **named: False,
    "delete_many": lambda *args, **named: None,
    "incr": lambda key, delta=1, *rest, **named: named.get("delta", delta),  # a rate limit counts afresh
    "clear": lambda *args, **named: False,
}


class ReusedClients(RedisCacheClient):
    """Django builds a new redis-py client object for every operation, which costs more than the round
    trip itself on loopback (a cached page read takes two); one client per connection pool is enough,
    as clients are thread-safe and share the pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    last_logged = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients


def _logged(operation, error):
    now = time.monotonic()
    if now - ResilientRedisCache.last_logged >= LOG_EVERY_SECONDS:
        ResilientRedisCache.last_logged = now
        logger.error("Cache unavailable (%s: %s): serving without it", operation, error)


def _tolerant(operation, answer):
    method = getattr(RedisCache, operation)

    @wraps(method)
    def call(self, *args, **named):
        try:
            return method(self, *args, **named)
        except RedisError as error:
            _logged(operation, error)
            return answer(*args, **named)

    return call


for _operation, _answer in ANSWERS.items():
    setattr(ResilientRedisCache, _operation, _tolerant(_operation, _answer))
