"""The view beacon's endpoint: POST only, no cookie, no CSRF token (pages are cached)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.params import id_param
from news.api import published_articles
from popular.counting import record_view

LIVE_CACHE_SECONDS = 300


def _is_live_article(article_id: int) -> bool:
    # Cached so a burst of beacons costs no query; a withdrawn article stops counting within minutes.
    key = f"popular:live:{article_id}"
    live = cache.get(key)
    if live is None:
        live = published_articles().filter(pk=article_id).exists()
        cache.set(key, live, timeout=LIVE_CACHE_SECONDS)
    return live


@csrf_exempt  # the beacon carries no secret and can only add one deduplicated view
@require_POST
@never_cache
def count_view(request: HttpRequest) -> HttpResponse:
    article_id = id_param(request.POST.get("article", ""))
    if article_id is None:
        return HttpResponse("Send article=<page id>.", status=400, content_type="text/plain")
    if _is_live_article(article_id):
        record_view(request, article_id)
    # The same answer whether or not the view counted: the reader learns nothing about others.
    return HttpResponse(status=204)
