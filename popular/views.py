"""The view beacon's endpoint: POST only, no cookie, no CSRF token (pages are cached)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.params import id_param
from core.shared import SharedValue
from news.api import published_articles
from popular.counting import record_view

# Shared so a burst of beacons costs no query; a withdrawn article stops counting within minutes.
is_live_article: SharedValue[bool] = SharedValue(
    "popular:live", lambda article_id: published_articles().filter(pk=article_id).exists(), seconds=300
)


@csrf_exempt  # the beacon carries no secret and can only add one deduplicated view
@require_POST
@never_cache
def count_view(request: HttpRequest) -> HttpResponse:
    article_id = id_param(request.POST.get("article", ""))
    if article_id is None:
        return HttpResponse("Send article=<page id>.", status=400, content_type="text/plain")
    if is_live_article.get(article_id):
        record_view(request, article_id)
    # The same answer whether or not the view counted: the reader learns nothing about others.
    return HttpResponse(status=204)
