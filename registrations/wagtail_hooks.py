from django.urls import include, path, reverse
from django.utils.translation import ngettext
from wagtail import hooks

from portal.sections import HOOK as SECTION_HOOK
from registrations import admin_views, sections, services
from workshops.staff import LINK_HOOK, QUERYSET_HOOK

urlpatterns = [
    path("<int:pk>/", admin_views.session_registrations, name="session"),
    path("<int:pk>/message/", admin_views.message_registrants, name="message"),
    path("registration/<int:pk>/", admin_views.update_registration, name="update"),
]


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    return [path("session-registrations/", include((urlpatterns, "registrations_admin")))]


@hooks.register(QUERYSET_HOOK)
def count_seats_taken(sessions):
    return services.with_seats_taken(sessions)


@hooks.register(LINK_HOOK)
def link_registrations(session):
    text = ngettext("%(taken)d seat taken of %(seats)d", "%(taken)d seats taken of %(seats)d", session.seats_taken)
    url = reverse("registrations_admin:session", args=[session.pk])
    return text % {"taken": session.seats_taken, "seats": session.offered_seats}, url


hooks.register(SECTION_HOOK, sections.workshop_sessions)
