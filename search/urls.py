from django.urls import path

from search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggestions/", views.suggestions, name="search_suggestions"),
]
