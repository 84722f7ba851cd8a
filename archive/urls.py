from django.urls import path

from archive import views

app_name = "archive"
urlpatterns = [
    path("<int:page_id>/endorse/", views.endorse, name="endorse"),
    path("<int:page_id>/endorse/resume/", views.resume, name="resume"),
    path("<int:page_id>/withdraw/", views.withdraw, name="withdraw"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
