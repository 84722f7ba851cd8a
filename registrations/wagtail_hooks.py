from django.urls import include, path
from wagtail import hooks

from registrations import admin_views

urlpatterns = [
    path("<int:pk>/", admin_views.session_registrations, name="session"),
    path("<int:pk>/message/", admin_views.message_registrants, name="message"),
    path("registration/<int:pk>/", admin_views.update_registration, name="update"),
]


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    return [path("session-registrations/", include((urlpatterns, "registrations_admin")))]
