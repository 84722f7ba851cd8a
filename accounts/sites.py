"""Django's own Site record, which allauth's emails name ("… at example.com"), kept to the settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site


def sync_django_site(sender=None, **kwargs):
    """Domain from ``WAGTAILADMIN_BASE_URL``, name from ``WAGTAIL_SITE_NAME``; runs after every migrate."""
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc, "name": settings.WAGTAIL_SITE_NAME},
    )
