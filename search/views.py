from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagination import paginate
from news.api import body_texts, published_articles, teaser
from news.models import ArticlePage, SectionPage
from quotes.api import articles_quoting, public_speaker, speakers_quoted_in
from search.highlight import excerpt, highlight, mentions
from search.query import parse as parse_query

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
TEASER_WORDS = 40


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").split())
    # path and depth are what child_of() needs: without them each is a deferred query of its own.
    sections = list(
        SectionPage.objects.live().in_menu().order_by("path").only("id", "title", "slug", "path", "depth")
    )
    section = next((s for s in sections if s.slug == request.GET.get("section")), None)
    speaker = public_speaker(request.GET.get("speaker", "")[:200])
    # Names of our own: base.html's masthead does `{% nav_sections as sections %}`, which would
    # overwrite a plain `sections` before the form is rendered.
    context: dict = {
        "query": query,
        "search_sections": sections,
        "search_section": section,
        "search_speaker": speaker,
        "max_length": MAX_QUERY_LENGTH,
    }
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = f"Your search is too long: please use at most {MAX_QUERY_LENGTH} characters."
        return render(request, "search/search.html", context, status=400)
    if not query:
        return render(request, "search/search.html", context)

    # Only plain words reach the search backend, alone or as quoted phrases (search.query), so no
    # character can be read as FTS5 or tsquery syntax. A query with no words has no results.
    parsed = parse_query(query)
    terms = parsed.terms
    if backend_query := parsed.backend_query():
        candidates = published_articles()
        if section is not None:
            candidates = candidates.child_of(section)
        if speaker is not None:
            candidates = articles_quoting(candidates, speaker)
        matches = candidates.search(backend_query)
    else:
        matches = ArticlePage.objects.none()
    results = paginate(request, matches, RESULTS_PER_PAGE)
    context["results"] = results
    narrowed = {
        **({"section": section.slug} if section else {}),
        **({"speaker": speaker.slug} if speaker else {}),
    }
    context["extra_query"] = urlencode({"q": query, **narrowed})
    context["highlighted"] = _highlighted(list(results), terms)
    return render(request, "search/search.html", context)


def _highlighted(articles: list[ArticlePage], terms: list[str]) -> list[tuple[ArticlePage, str, str, list]]:
    """Each result with its title and teaser marked and the speakers it quotes; a result found only
    by words of its body shows the passage of the body that has them instead of the teaser (one
    query for all)."""
    teasers = {article.pk: teaser(article, TEASER_WORDS) for article in articles}
    body_only = [
        article.pk
        for article in articles
        if terms and not (mentions(article.title, terms) or mentions(teasers[article.pk], terms))
    ]
    bodies = body_texts(body_only) if body_only else {}
    for pk, body in bodies.items():
        if mentions(body, terms):
            teasers[pk] = excerpt(body, terms, TEASER_WORDS)
    quoted = speakers_quoted_in(article.pk for article in articles) if articles else {}
    return [
        (
            article,
            highlight(article.title, terms),
            highlight(teasers[article.pk], terms),
            quoted.get(article.pk, []),
        )
        for article in articles
    ]
