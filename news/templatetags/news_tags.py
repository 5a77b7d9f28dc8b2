"""Template helpers for article pages: teasers, share links, structured data, navigation."""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import quote, urlencode, urlsplit

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import AbstractImage

from core.sites import absolute_url
from news import listing
from news.models import ArticlePage, Publication, SectionPage

register = template.Library()


@register.filter
def teaser(article: ArticlePage, words: int = listing.TEASER_WORDS) -> str:
    return listing.teaser(article, int(words))


@register.filter
def machine_datetime(value: datetime | None) -> str:
    """For ``<time datetime>``: HTML allows at most three digits of a second; Django's "c" gives six."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


@register.filter
def absolute(path_or_url: str) -> str:
    return absolute_url(urlsplit(path_or_url).path)


@register.simple_tag
def nav_sections() -> list[tuple[str, str]]:
    return listing.nav_sections.get()


def _query(**params: str) -> str:
    return urlencode(params, quote_via=quote)


@register.simple_tag
def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """Plain links to each network's own share page: no scripts, no tracking pixels."""
    return [
        ("X", "https://x.com/intent/post?" + _query(url=url, text=title)),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url)),
        ("WhatsApp", "https://wa.me/?" + _query(text=f"{title} {url}")),
        ("Telegram", "https://t.me/share/url?" + _query(url=url, text=title)),
        ("Reddit", "https://www.reddit.com/submit?" + _query(url=url, title=title)),
        ("Email", "mailto:?" + _query(subject=title, body=url)),
    ]


def _ld_json(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    # Safe: with <, > and & escaped, the JSON cannot close the script element or open markup.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _image_url(image: AbstractImage | None, spec: str) -> str | None:
    return absolute_url(image.get_rendition(spec).url) if image else None


@register.simple_tag
def article_structured_data(
    article: ArticlePage, section: SectionPage, tags: list, publication: Publication
) -> SafeString:
    url = absolute_url(urlsplit(article.url).path)
    image = _image_url(article.lead_image, "fill-1200x675|format-jpeg")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": article.dateline.isoformat(),
        "dateModified": article.modified.isoformat(),
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute_url(author.get_absolute_url())}
            for author in article.authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": publication.name,
            "url": absolute_url("/"),
            "logo": {"@type": "ImageObject", "url": _image_url(publication.logo, "max-600x60|format-png")
                     or absolute_url(static("news/logo.png"))},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "articleSection": section.title,
        "keywords": [tag.name for tag in tags],
        "inLanguage": publication.language,
    }  # fmt: skip
    if image:
        data["image"] = [image]
    return _ld_json(article.structured_data(data))
