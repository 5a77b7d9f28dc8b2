from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.api import published_articles, teaser
from news.listing import paginate
from news.models import SectionPage
from search.highlight import highlight, query_terms

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").split())
    sections = list(SectionPage.objects.live().in_menu().order_by("path").only("id", "title", "slug"))
    context: dict = {"query": query, "sections": sections, "max_length": MAX_QUERY_LENGTH}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = f"Your search is too long: please use at most {MAX_QUERY_LENGTH} characters."
        return render(request, "search/search.html", context, status=400)
    section = next((s for s in sections if s.slug == request.GET.get("section")), None)
    context["section"] = section
    terms = query_terms(query)
    if terms:
        candidates = published_articles()
        if section is not None:
            candidates = candidates.child_of(section)
        results = paginate(request, candidates.search(" ".join(terms), operator="and"), RESULTS_PER_PAGE)
        context["results"] = results
        context["extra_query"] = urlencode({"q": query, "section": section.slug if section else ""})
        context["highlighted"] = [
            (article, highlight(article.title, terms), highlight(teaser(article, 40), terms))
            for article in results
        ]
    return render(request, "search/search.html", context)
