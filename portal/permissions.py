"""One permission check for the admin views of every app; the permission names live beside their models."""

from django.core.exceptions import PermissionDenied


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
