"""The read-only API (Wagtail API v2) at /api/v2/: published pages, filterable by ``?locale=``.

Each page type says which of its fields it shows (``api_fields``); none names a person.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
