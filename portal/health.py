"""``/healthz``: does this app server have what it needs to serve? For nginx, the scale-out test and monitoring.

- The database is required: without it the answer is 503, and nginx sends visitors elsewhere.
- The shared cache and the search engine are not: pages are then served uncached, and the
  search falls back on the database. The answer stays 200 but says ``degraded`` and what is
  missing, for monitoring to alert on.

Features add their own checks through the Wagtail hook ``register_health_check``: a function
returning ``(name, ok, required)``.
"""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail import hooks

HOOK = "register_health_check"


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return "database", cursor.fetchone() == (1,), True
    except DatabaseError:
        return "database", False, True


def shared_cache():
    token = secrets.token_hex(8)
    key = f"healthz:{token}"
    cache.set(key, token, 10)  # a cache that does not answer drops the write (portal.cache)
    ok = cache.get(key) == token
    cache.delete(key)
    return "cache", ok, False


@never_cache
def healthz(request):
    results = [check() for check in (database, shared_cache, *hooks.get_hooks(HOOK))]
    failing = [name for name, ok, _required in results if not ok]
    down = any(not ok and required for _name, ok, required in results)
    status = "down" if down else ("degraded" if failing else "ok")
    body = {"status": status, "checks": {name: "ok" if ok else "failing" for name, ok, _required in results}}
    return JsonResponse(body, status=503 if down else 200)
