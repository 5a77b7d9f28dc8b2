from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import PasswordResetView
from core import media
from core.health import health, ready
from core.metrics import metrics
from search.views import search

urlpatterns = [
    # Before Wagtail's own: the same page, rate-limited.
    path("admin/password_reset/", PasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search, name="search"),
    # Not /health/: a newsroom may well have a Health section there.
    path("healthz", health, name="health"),
    path("healthz/ready", ready, name="ready"),
    path("metrics", metrics, name="metrics"),
    path("comments/", include("comments.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("popular/", include("popular.urls")),
    path("api/v2/", include("contentapi.urls")),
    path("live-updates/", include("live.urls")),
    path("people/", include("quotes.urls")),
    path("stories/", include("stories.urls")),
    path("", include("news.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", media.serve))

urlpatterns.append(path("", include(wagtail_urls)))

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
handler400 = "core.views.bad_request"
