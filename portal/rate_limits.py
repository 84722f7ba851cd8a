"""One way to slow down a repeated action: counted in the shared cache, refused with a translated 429.

Every app server and worker counts in the same cache (Redis in production; without it the
database: ``portal.settings.production``), so a limit of 3 an hour is 3 whatever process
answers. Each action has rates per key: the visitor's address, their account, or what the
view adds (an email domain). Windows are fixed (an hour from the top of the hour, say):
simple, one counter per key, and at worst twice the rate across a boundary.

A refused request raises ``TooFast``; ``RateLimitMiddleware`` answers it with the page
``429.html`` and ``Retry-After``. allauth's own limits (sign-in, sign-up, password reset)
count in the same cache and end on the same page (``portal.urls.handler429``).
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class TooFast(Exception):
    def __init__(self, action, retry_after):
        super().__init__(f"{action}: try again in {retry_after} s")
        self.action, self.retry_after = action, retry_after


def parse(rate):
    """ "3/h" → (3, 3600); "10/15m" → (10, 900)."""
    count, period = rate.split("/")
    number = period[:-1] or "1"
    return int(count), int(number) * UNITS[period[-1]]


def _counter(action, kind, value, seconds, now):
    digest = hashlib.sha256(str(value).encode()).hexdigest()[:24]  # no address or email in the cache's keys
    return f"rate:{action}:{kind}:{digest}:{int(now // seconds)}"


def hit(request, action, **keys):
    """Count one ``action`` of this visitor; raise ``TooFast`` past any of its rates.

    Keys "ip" and, when signed in, "user" come from the request; a view may add others
    (``domain="example.org"``). A rate whose key is missing does not apply.
    """
    if not settings.PORTAL_RATE_LIMITS_ENABLED:
        return
    keys = {"ip": request.META.get("REMOTE_ADDR"), **keys}
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        keys["user"] = request.user.pk
    now = time.time()
    for kind, rate in settings.PORTAL_RATE_LIMITS[action].items():
        if keys.get(kind) in (None, ""):
            continue
        count, seconds = parse(rate)
        key = _counter(action, kind, keys[kind], seconds, now)
        cache.add(key, 0, timeout=seconds + 5)
        try:
            done = cache.incr(key)
        except ValueError:  # expired between the two calls, or the cache is down (portal.cache)
            cache.add(key, 1, timeout=seconds + 5)
            done = 1
        if done > count:
            raise TooFast(action, retry_after=max(1, math.ceil((now // seconds + 1) * seconds - now)))


def too_many_requests(request, retry_after=60):
    """The translated page, with what was typed in a text field handed back to copy."""
    typed = request.POST.get("text", "") if request.method == "POST" else ""
    context = {"minutes": max(1, math.ceil(retry_after / 60)), "typed": typed[:20000]}
    response = TemplateResponse(request, "429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, TooFast):
            return too_many_requests(request, exception.retry_after).render()
        return None
