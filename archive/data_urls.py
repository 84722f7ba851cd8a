"""The open data files, outside the language prefix: the language is part of each file's address."""

from django.urls import path

from archive import views

app_name = "open_data"
urlpatterns = [
    path("<str:language>/recommendations.<str:extension>", views.export, name="recommendations"),
]
