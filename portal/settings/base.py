"""Settings shared by every environment; each value that differs between
machines is read from the environment so one code base serves them all."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.settings import search as engine_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The proxies (nginx) whose X-Real-IP names the visitor (portal.proxy); none unless configured.
PORTAL_TRUSTED_PROXIES = env_list("PORTAL_TRUSTED_PROXIES")

INSTALLED_APPS = [
    "outbox",
    "home",
    "workshops",
    "accounts",
    "registrations",
    "draws",
    "archive",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",  # after wagtail.admin, whose translations of form errors must win over DRF's
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "django_comments_xtd",
    "django_comments",
    "comments",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",  # its templates, for the public forms' renderer (portal.forms)
]

MIDDLEWARE = [
    "portal.proxy.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.rate_limits.RateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# What a page may load and run (django-csp): scripts only from the site's own files, never inline,
# so injected markup cannot run; styles may be inline (the city's colours, progress bars). No nonce:
# pages are cached whole. Embedded videos come from the providers listed in CSP_FRAME_SOURCES.
CSP_FRAME_SOURCES = os.environ.get(
    "CSP_FRAME_SOURCES",
    "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com https://www.dailymotion.com",
).split()
CSP_MEDIA_SOURCES = os.environ.get("CSP_MEDIA_SOURCES", "").split()  # the S3 or CDN host of uploaded files
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_MEDIA_SOURCES],
        "media-src": ["'self'", *CSP_MEDIA_SOURCES],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_FRAME_SOURCES],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Powerful browser features no page of the portal uses (portal.headers).
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()"
SECURE_REFERRER_POLICY = "same-origin"

ROOT_URLCONF = "portal.urls"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Take the write lock when a transaction starts, so seat counts read inside it stay true. Writes
    # take milliseconds: a lock held for 5 s is an outage, answered with the 503 page (portal.views).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 5})
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default; every page and string exists in all three.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A page submitted for translation starts as a draft in the other languages (it holds the
# source text until translated): editors publish each translation when it is written.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded images and documents: this machine's disk (one app server, or a shared mount), or
# S3-compatible object storage that every app server reaches (docs/deploy.md). The keys are read by
# boto3 from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,  # the bucket's own policy decides who reads
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,  # two uploads of "photo.jpg" keep both
        },
    }
    if not STORAGES["default"]["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3.")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: pages for visitors, fragments, counts and rate limits. Redis when CACHE_URL (or REDIS_URL)
# names one, which every app server must share; else this process's memory (one server only).
# A Redis that does not answer is treated as an empty cache, logged (portal.cache).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
            "LOCATION": os.environ.get("CACHE_LOCATION", "portal"),
        }
    }
# Whole pages for visitors without a session (portal.page_cache): kept at most this long, and
# dropped as soon as anything they show changes. A cache in front (CDN, nginx) may keep them
# PAGE_CACHE_EDGE_SECONDS without asking again: 0 unless it is purged on change (docs/deploy.md).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EDGE_SECONDS = int(os.environ.get("PAGE_CACHE_EDGE_SECONDS", "0"))

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "participation@example.org")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background tasks (emails): run in-process after commit by default; in production a
# database queue worked by `manage.py db_worker`. Failed sends are retried from the outbox.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# Registrations
REGISTRATION_HOLD_MINUTES = int(os.environ.get("REGISTRATION_HOLD_MINUTES", "30"))
# How long personal data is kept (``manage.py purge_personal_data``, daily; the privacy notice says so):
# registrations after their session, guests' registrations never confirmed, the network part of
# the address kept with a comment, and the names and emails of people not drawn after a draw.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "365"))
UNCONFIRMED_REGISTRATION_RETENTION_DAYS = int(os.environ.get("UNCONFIRMED_REGISTRATION_RETENTION_DAYS", "7"))
COMMENT_ADDRESS_RETENTION_DAYS = int(os.environ.get("COMMENT_ADDRESS_RETENTION_DAYS", "90"))
DRAW_POOL_RETENTION_DAYS = int(os.environ.get("DRAW_POOL_RETENTION_DAYS", "180"))
REGISTRATION_REMINDER_HOURS = 48
EMAIL_RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720]

# Comments (django-comments-xtd, attached to one Discussion per translated page)
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.PortalComment"
COMMENTS_XTD_MAX_THREAD_LEVEL = 3  # a comment, then up to three levels of replies
COMMENTS_XTD_CONFIRM_EMAIL = False  # only signed-in residents with a verified email post
COMMENT_MAX_LENGTH = 3000
COMMENTS_EDIT_MINUTES = 15
COMMENTS_REPORTS_TO_HIDE = int(os.environ.get("COMMENTS_REPORTS_TO_HIDE", "3"))

# How often one visitor may repeat an action (portal.rate_limits), counted in the shared cache:
# per address ("ip"), per account ("user"), per email address and email domain for guests.
# Refusals are a translated page with Retry-After. RATE_LIMITS=off only for load tests.
PORTAL_RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS", True)
PORTAL_RATE_LIMITS = {
    "guest_registration": {"ip": "10/h", "email": "3/h", "domain": "30/h"},
    "registration": {"user": "20/h", "ip": "60/h"},
    "comment": {"user": "5/m", "ip": "30/m"},
    "question": {"user": "5/h", "ip": "30/h"},
    "report": {"user": "10/h", "ip": "30/h"},
    "endorsement": {"user": "10/m", "ip": "60/m"},
    "draw_application": {"user": "3/h", "ip": "20/h"},
    "deletion_password": {"user": "5/15m", "ip": "20/15m"},
    "two_factor": {"user": "10/15m", "ip": "30/15m"},
}
# Seats a session holds for guests who have not confirmed their email yet: beyond this share of its
# seats (and at least the minimum), more guests wait until holds are confirmed or given back.
# The audit record of a draw shows a reference's answers (gender, age band, district…) only where at
# least this many people of the pool gave the same ones (sortition.audit.MIN_SHARED).
DRAW_AUDIT_MIN_SHARED = int(os.environ.get("DRAW_AUDIT_MIN_SHARED", "5"))
REGISTRATION_UNCONFIRMED_SHARE = float(os.environ.get("REGISTRATION_UNCONFIRMED_SHARE", "0.25"))
REGISTRATION_UNCONFIRMED_MINIMUM = 3

# Search: the database backend by default; OpenSearch or Elasticsearch by configuration
# (README, "Search"). The database backend stays as "default" in every case: the admin searches it
# and the public search falls back on it when the engine does not answer.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
if SEARCH_BACKEND not in engine_settings.BACKENDS:
    raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {', '.join(engine_settings.BACKENDS)}")
WAGTAILSEARCH_BACKENDS = engine_settings.search_backends(
    SEARCH_BACKEND,
    urls=env_list("SEARCH_URLS", "http://127.0.0.1:9200"),
    index=os.environ.get("SEARCH_INDEX", "portal"),
    timeout=float(os.environ.get("SEARCH_TIMEOUT", "2")),
    replicas=int(os.environ.get("SEARCH_REPLICAS", "0")),
)

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("PORTAL_SITE_NAME", "Participation citoyenne")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # staff avatars would tell gravatar.com who uses the admin (and break the CSP)
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
SITE_ID = 1

# Two-factor authentication for the admin (accounts.two_factor): required of administrators.
ADMIN_TWO_FACTOR_REQUIRED = env_bool("ADMIN_TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Residents' accounts (django-allauth): email is the login and must be verified.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS = {  # counted in the shared cache too; refusals end on portal.urls.handler429
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/h/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
AUTH_USER_MODEL = "accounts.User"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.ResidentSignupForm"
ACCOUNT_ADAPTER = "accounts.emails.OutboxAccountAdapter"
