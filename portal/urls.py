from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.api import api_router
from portal.health import healthz
from portal.rate_limits import too_many_requests
from portal.sitemaps import MultilingualSitemap
from portal.views import RobotsView, favicon, server_error

handler500 = server_error


def handler429(request, exception=None):
    """allauth's refusals (sign-in, sign-up, password reset) on the portal's own translated page."""
    return too_many_requests(request, retry_after=300)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    path("open-data/", include("archive.data_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/profile/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", include("search.urls")),
    path("sessions/", include("registrations.urls")),
    path("comments/", include("comments.urls")),
    path("draws/", include("draws.urls")),
    path("archive/", include("archive.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
