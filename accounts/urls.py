from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("delete/", views.delete_account, name="delete"),
    path("my-data.json", views.export, name="export"),
]
