"""Forms a visitor without an account may send from a cached page.

A CSRF token is a per-browser secret: a page that embeds one, and the cookie that goes with it,
cannot be served to everyone from the cache. The forms open to visitors who are not signed in
(a guest registration, an endorsement that first asks to sign in) therefore carry no token, and
their submissions are checked by origin: a browser names the page a POST comes from (``Origin``,
else ``Referer``), and a form sent from another site is refused as Django refuses a bad token.
That is the protection CSRF tokens give a visitor without a session; nothing such a form does
is confirmed without the visitor's own step (the emailed link, the sign-in).
A signed-in resident's submission is checked against the token as everywhere else.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import REASON_BAD_ORIGIN
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from portal.views import csrf_failure

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def open_to_visitors(view):
    """Decorate a view whose form is shown, without a token, to visitors who are not signed in."""
    with_token = csrf_protect(view)

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method in SAFE_METHODS or getattr(request, "_dont_enforce_csrf_checks", False):
            return view(request, *args, **kwargs)
        if request.user.is_authenticated:
            return with_token(request, *args, **kwargs)
        if not sent_from_here(request):
            return csrf_failure(request, REASON_BAD_ORIGIN % request.headers.get("Origin", ""))
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)


def sent_from_here(request):
    """True if the browser says the form was on this site (or on an origin the settings trust)."""
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        referer = urlsplit(request.headers.get("Referer", ""))
        origin = f"{referer.scheme}://{referer.netloc}" if referer.scheme and referer.netloc else ""
    if not origin:
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS
