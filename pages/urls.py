from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.PageView.as_view(), name="about"),
    path("<slug:slug>/", views.PageView.as_view(), name="detail"),
]
