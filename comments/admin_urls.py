from django.urls import path

from comments import admin_views

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:comment_id>/edit/", admin_views.edit, name="edit"),
    path("article/<int:article_id>/", admin_views.thread, name="thread"),
]
