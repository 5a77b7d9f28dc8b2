from django.urls import path

from newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("", views.newsletter_page, name="page"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("webhooks/bounces/", views.bounce_webhook, name="bounce_webhook"),
]
