"""Whole pages for visitors who are not signed in, from the shared cache, never stale.

A city's portal is read far more than it is written, and its traffic comes in spikes (a draw
result, a newsletter). Most of those readers have no session: they all see the same page.

- **Opt-in.** Only responses a view marks with ``cacheable(request)`` are stored: Wagtail pages
  without view restrictions, a session's page, the archive. Everything else passes through,
  marked ``Cache-Control: private`` so no cache in front keeps it either.
- **Only what is the same for everyone.** A request that carries a session or a message cookie
  is never served from the cache nor stored; a response that sets a cookie, holds a CSRF token or
  says ``private``/``no-store`` is not stored. The key is the scheme, the host Django validated
  against ``ALLOWED_HOSTS`` (``X-Forwarded-Host`` is not trusted) and the exact path and query
  string, so nothing a visitor sends can make another visitor get their variant.
- **Never stale.** While the page renders, ``portal.versions`` notes every version it is drawn
  from (the pages, a session's seats, a discussion, the archive, endorsements). A stored page is
  served only while all of them are still current and before the moment its content changes by
  itself (a registration closing): a registration bumps the seats' version, and the next visitor
  gets a page rendered afresh.
- **A cache in front.** Stored pages carry ``ETag`` and ``Last-Modified`` and answer
  ``If-None-Match`` with 304; ``Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_EDGE_SECONDS``
  (0 by default: a CDN or nginx revalidates every time, which costs one cache lookup here).
  ``Cache-Tag`` names the versions the page follows, and ``portal.versions.bumped`` is sent
  with each name once its change is committed: a CDN that purges by tag purges exactly those.
- **The cache may fail.** With Redis down, pages are rendered as if nothing were cached (the
  cache backend logs the fault, ``portal.cache``).
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from portal import restrictions, versions

HIT, MISS, PASS = "hit", "miss", "pass"
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Link")
TOKEN_MARK = b'name="csrfmiddlewaretoken"'
FOLLOWED_KEPT = 10_000


def cacheable(request):
    """The response to ``request`` is the same for every visitor without a session: store it."""
    request.page_cache_allowed = True


def page_served(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: a page without view restrictions is the same for everyone."""
    if restrictions.is_public(page):
        cacheable(request)


def for_visitors(request):
    """True if the request may be served from the cache and its response stored: no session, no message."""
    if request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def key_for(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


class PageCacheMiddleware:
    """Placed after the security and static files middleware, before sessions: a hit costs no query."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.followed = {}  # page key: the names of the versions it followed when last read (this process)

    def __call__(self, request):
        if not for_visitors(request):
            return self.private(self.get_response(request))
        try:
            key = key_for(request)
        except DisallowedHost:
            return self.get_response(request)  # Django answers 400
        stored = self.lookup(key)
        if stored is not None:
            return self.answer(request, stored, HIT)
        with versions.reading() as drawn_from:
            versions.depends_on(versions.PAGES)  # every page shows the menu and links to others
            response = self.get_response(request)
        if not self.storable(request, response):
            response["X-Page-Cache"] = PASS
            return self.private(response)
        stored = self.store(key, response, drawn_from)
        return self.answer(request, stored, MISS) if stored else self.private(response)

    def lookup(self, key):
        """The stored page if it is still true: one round trip when the versions it follows are known."""
        names = self.followed.get(key, ())
        found = cache.get_many([key, *versions.keys(names)])
        stored = found.get(key)
        if stored is None or stored["until"] <= timezone.now().timestamp():
            return None
        if len(self.followed) > FOLLOWED_KEPT:
            self.followed.clear()
        self.followed[key] = tuple(stored["versions"])
        return stored if versions.still_current(stored["versions"], found) else None

    def storable(self, request, response):
        return (
            getattr(request, "page_cache_allowed", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
            and not _says_private(response)
            and response.get("Content-Type", "").startswith("text/html")
            and TOKEN_MARK not in response.content
        )

    def store(self, key, response, drawn_from):
        now = timezone.now()
        until = now + timedelta(seconds=settings.PAGE_CACHE_SECONDS)
        if drawn_from.until is not None:
            until = min(until, drawn_from.until)
        seconds = int((until - now).total_seconds())
        if seconds < 1:
            return None
        stored = {
            "versions": drawn_from.versions,
            "until": until.timestamp(),
            "content": response.content,
            "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
            "etag": '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"',
            "modified": http_date(now.timestamp()),
        }
        cache.set(key, stored, seconds)
        return stored

    def answer(self, request, stored, outcome):
        if request.headers.get("If-None-Match") == stored["etag"]:
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(stored["content"])
            for name, value in stored["headers"].items():
                response[name] = value
        response["ETag"] = stored["etag"]
        response["Last-Modified"] = stored["modified"]
        response["X-Page-Cache"] = outcome
        response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_EDGE_SECONDS}"
        response["Cache-Tag"] = ",".join(sorted(stored["versions"]))  # what a CDN may purge it by
        return response

    def private(self, response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response


def _says_private(response):
    control = response.get("Cache-Control", "")
    return any(word in control for word in ("private", "no-store", "no-cache"))
