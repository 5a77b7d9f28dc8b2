from django.urls import path, re_path

from contentapi import views

app_name = "contentapi"

urlpatterns = [
    path("", views.index, name="index"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<str:pk>/", views.article_detail, name="article"),
    path("sections/", views.section_list, name="sections"),
    path("sections/<str:pk>/", views.section_detail, name="section"),
    path("tags/", views.tag_list, name="tags"),
    path("tags/<str:pk>/", views.tag_detail, name="tag"),
    path("authors/", views.author_list, name="authors"),
    path("authors/<str:pk>/", views.author_detail, name="author"),
    path("images/", views.image_list, name="images"),
    path("images/<str:pk>/", views.image_detail, name="image"),
    re_path(r"^(?P<rest>.*/)$", views.unknown_endpoint),  # without a slash: APPEND_SLASH first
]
