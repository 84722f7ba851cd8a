"""The visitor's address behind nginx: believed from ``X-Real-IP`` only when nginx itself sends it.

Behind a proxy every request comes from the proxy's address, so rate limits per address and
the address kept with a comment would all name nginx. nginx (deploy/nginx) overwrites
``X-Real-IP`` with the address it saw; the app takes it only from the addresses listed in
``PORTAL_TRUSTED_PROXIES``. A visitor who sends the header straight to an app server, or
through nginx, changes nothing.
"""

import ipaddress

from django.conf import settings

# What is kept of an address with a comment: enough for moderators to see a burst from one network,
# not enough to name a household (IPv4 /24, IPv6 /48).
KEPT_PREFIX = {4: 24, 6: 48}


def truncated(address):
    """``address`` with its host part zeroed ("203.0.113.57" → "203.0.113.0"), or None if it is not one."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return None
    return str(ipaddress.ip_network(f"{ip}/{KEPT_PREFIX[ip.version]}", strict=False).network_address)


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        real = request.META.get("HTTP_X_REAL_IP", "").strip()
        if real and request.META.get("REMOTE_ADDR") in settings.PORTAL_TRUSTED_PROXIES:
            request.META["REMOTE_ADDR"] = real
        return self.get_response(request)
