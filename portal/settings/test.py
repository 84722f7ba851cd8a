"""Test runs: fast hashing, in-memory email and cache, no manifest needed."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
ACCOUNT_RATE_LIMITS = False
ADMIN_TWO_FACTOR_REQUIRED = False  # pytest-django's admin_client has no phone; tests/security turns it on
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://localhost"
