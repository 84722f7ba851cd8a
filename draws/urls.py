from django.urls import path

from draws import views

app_name = "draws"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/audit.json", views.audit, name="audit"),
    path("<int:pk>/lottery.json", views.lottery, name="lottery"),
]
