"""Tag and author pages, robots.txt, the sitemap index and the news sitemap (pages in the tree
are Wagtail's)."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe
from taggit.models import Tag

from core.pagination import paginate
from core.sites import absolute_url
from news.models import LISTING_PAGE_SIZE, ArticlePage, Author, Publication
from news.sitemaps import sitemap_files

NEWS_SITEMAP_WINDOW = timedelta(hours=48)


@require_safe
def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, ArticlePage.objects.published().filter(tags=tag), LISTING_PAGE_SIZE)
    return render(request, "news/tag_page.html", {"tag": tag, "articles": page})


@require_safe
def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    page = paginate(
        request, ArticlePage.objects.published().filter(author_links__author=author), LISTING_PAGE_SIZE
    )
    return render(request, "news/author_page.html", {"author": author, "articles": page})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        f"Sitemap: {absolute_url('/news-sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Every sitemap file, each within the sitemaps.org limits (news.sitemaps)."""
    files = [{"location": absolute_url(path)} for path in sitemap_files()]
    return render(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml; charset=utf-8"
    )


@require_safe
def news_sitemap(request: HttpRequest) -> HttpResponse:
    recent = ArticlePage.objects.published().filter(
        noindex=False, published_at__gte=timezone.now() - NEWS_SITEMAP_WINDOW
    )[:1000]
    context = {"articles": recent, "publication": Publication.load(request_or_site=request)}
    return render(request, "news/news_sitemap.xml", context, content_type="application/xml; charset=utf-8")
