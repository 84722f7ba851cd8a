"""Permissions-Policy on every response: Django sets the other security headers itself
(``SecurityMiddleware``: Referrer-Policy, HSTS, nosniff) and django-csp the Content-Security-Policy."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
