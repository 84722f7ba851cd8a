from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("page/<int:page_id>/post/", views.post_comment, name="post"),
    path("page/<int:page_id>/ask/", views.post_question, name="ask"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/edit/", views.edit_comment, name="edit"),
    path("<int:pk>/delete/", views.delete_comment, name="delete"),
    path("<int:pk>/like/", views.like_comment, name="like"),
    path("<int:pk>/report/", views.report_comment, name="report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("api/page/<int:page_id>/", views.api_comments, name="api"),
]
