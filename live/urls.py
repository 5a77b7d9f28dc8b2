from django.urls import path

from live.views import updates

app_name = "live"
urlpatterns = [path("<int:page_id>.json", updates, name="updates")]
