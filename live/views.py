from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from live.models import LiveArticlePage


@require_safe
def updates(request: HttpRequest, page_id: int) -> JsonResponse:
    """The live page's updates as JSON, for readers' pages to poll (cached like pages, purged on change)."""
    page = LiveArticlePage.objects.live().public().filter(pk=page_id).only("pk", "coverage_ended_at").first()
    if page is None:
        raise Http404("No such live article.")
    return JsonResponse({"live": page.is_live, "updates": [update.as_json() for update in page.updates]})
