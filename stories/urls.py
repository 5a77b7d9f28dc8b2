from django.urls import path

from stories import feeds, views

app_name = "stories"

urlpatterns = [
    path("<slug:slug>/", views.story_page, name="story"),
    path("<slug:slug>/feed/<str:kind>/", feeds.story_feed, name="feed"),
]
