"""Whose address a request has: the proxy's header is believed from a trusted proxy only."""

from django.http import HttpResponse
from django.test import RequestFactory

from portal.proxy import ClientAddressMiddleware


def address_seen(settings, remote, header):
    settings.PORTAL_TRUSTED_PROXIES = ["10.0.0.1"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_REAL_IP=header)
    seen = {}
    ClientAddressMiddleware(lambda r: seen.setdefault("address", r.META["REMOTE_ADDR"]) and HttpResponse())(request)
    return seen["address"]


def test_the_trusted_proxy_names_the_visitor(settings):
    assert address_seen(settings, "10.0.0.1", "203.0.113.5") == "203.0.113.5"


def test_anyone_else_cannot_choose_their_address(settings):
    assert address_seen(settings, "198.51.100.7", "203.0.113.5") == "198.51.100.7"
