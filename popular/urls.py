from django.urls import path

from popular.views import count_view

app_name = "popular"
urlpatterns = [path("view/", count_view, name="view")]
