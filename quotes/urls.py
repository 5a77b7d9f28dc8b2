from django.urls import path

from quotes import feeds, views

app_name = "quotes"

urlpatterns = [
    path("<slug:slug>/", views.speaker_page, name="speaker"),
    path("<slug:slug>/feed/<str:kind>/", feeds.speaker_feed, name="speaker_feed"),
]
