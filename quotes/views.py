"""Speaker pages: everything a person or body was quoted saying, newest first."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.listing import paginate
from quotes.models import Quotation, Speaker

PER_PAGE = 20


def public_speaker(slug: str) -> Speaker:
    speaker = Speaker.objects.filter(slug=slug, hidden=False).first()
    if speaker is None:
        raise Http404("No such speaker.")
    return speaker


def quotations_of(speaker: Speaker) -> QuerySet[Quotation]:
    """Live quotations, newest article first, with what a listing shows of the article."""
    return (
        Quotation.objects.filter(speaker=speaker, article__live=True)
        .select_related("article")
        .defer("article__body")
        .order_by("-article__published_at", "-article__id", "order")
    )


@require_safe
def speaker_page(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = public_speaker(slug)
    page = paginate(request, quotations_of(speaker), PER_PAGE)
    return render(request, "quotes/speaker_page.html", {"speaker": speaker, "quotations": page})
