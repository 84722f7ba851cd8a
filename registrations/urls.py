from django.urls import path

from registrations import views

app_name = "registrations"
urlpatterns = [
    path("<int:pk>/", views.session_detail, name="session"),
    path("<int:pk>/calendar.ics", views.session_calendar, name="session_calendar"),
    path("workshop/<int:page_id>/calendar.ics", views.workshop_calendar, name="workshop_calendar"),
    path("calendar.ics", views.upcoming_calendar, name="upcoming_calendar"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("mine/<int:pk>/cancel/", views.cancel_mine, name="cancel_mine"),
    path("mine/erase/", views.erase_my_data, name="erase"),
]
