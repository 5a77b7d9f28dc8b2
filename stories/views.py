"""The story page: every live article of one story, in time order."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.api import published_articles
from news.listing import paginate
from stories.models import Membership, Story

PER_PAGE = 50


def public_story(slug: str) -> Story:
    story = Story.objects.filter(slug=slug, size__gt=0).first()
    if story is None:
        raise Http404("No such story.")
    return story


def articles_of(story: Story) -> QuerySet:
    """The story's live articles, oldest first, with what a listing shows."""
    members = Membership.objects.filter(story=story).values("article_id")
    return (
        published_articles()
        .filter(pk__in=members)
        .order_by(Coalesce("published_at", "first_published_at"), "pk")
    )


@require_safe
def story_page(request: HttpRequest, slug: str) -> HttpResponse:
    story = public_story(slug)
    page = paginate(request, articles_of(story), PER_PAGE)
    return render(request, "stories/story_page.html", {"story": story, "articles": page})
