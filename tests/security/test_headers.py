"""Security headers on every page (issue 18, item 12): a Content-Security-Policy whose scripts come only from
the site's files, Permissions-Policy, Referrer-Policy; HSTS and secure cookies in production."""

import pytest

from tests.portal.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/fr/", "/fr/search/?q=x", "/fr/accounts/login/", "/fr/page-qui-n-existe-pas/"])
def test_public_pages_send_the_policy(client, site_tree, url):
    response = client.get(url)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"] and "'unsafe-inline'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_allows_wagtails_inline_scripts_and_nothing_else_from_elsewhere(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"] and policy["default-src"] == ["'self'"]


def test_production_adds_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)"
    )
    result = manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip().splitlines()[-1] == "31536000 True True True"
