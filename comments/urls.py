from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("post/", views.post, name="post"),
    path("start/", views.start, name="start"),
    path("<int:comment_id>/report/", views.report, name="report"),
    path("replies/confirm/<str:token>/", views.confirm_replies, name="replies_confirm"),
    path("replies/stop/<str:token>/", views.stop_replies, name="replies_stop"),
]
