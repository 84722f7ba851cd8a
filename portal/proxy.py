"""The visitor's address behind nginx: believed from ``X-Real-IP`` only when nginx itself sends it.

Behind a proxy every request comes from the proxy's address, so rate limits per address and
the address kept with a comment would all name nginx. nginx (deploy/nginx) overwrites
``X-Real-IP`` with the address it saw; the app takes it only from the addresses listed in
``PORTAL_TRUSTED_PROXIES``. A visitor who sends the header straight to an app server, or
through nginx, changes nothing.
"""

from django.conf import settings


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        real = request.META.get("HTTP_X_REAL_IP", "").strip()
        if real and request.META.get("REMOTE_ADDR") in settings.PORTAL_TRUSTED_PROXIES:
            request.META["REMOTE_ADDR"] = real
        return self.get_response(request)
