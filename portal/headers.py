"""Security headers beyond Django's own (``SecurityMiddleware``: Referrer-Policy, HSTS, nosniff).

django-csp writes the Content-Security-Policy of ``settings.CONTENT_SECURITY_POLICY``: scripts only
from the site's files. Wagtail's admin still runs inline scripts in some of its dialogs (the
choosers), so its pages, seen only by signed-in staff, also allow inline scripts; no page of the
public site, where residents' text shows, does. Permissions-Policy turns off browser features no
page uses.
"""

from django.conf import settings
from django.urls import reverse


class SecurityHeadersMiddleware:
    """Listed after django-csp's middleware, so that it answers first and django-csp sees the update."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(reverse("wagtailadmin_home")):
            response._csp_update = {"script-src": ["'unsafe-inline'"]}
        return response
