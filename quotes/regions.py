"""The article page's "Who said what" region: one query, stored quotations only."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from core.regions import provides
from news.models import ArticlePage
from quotes.models import Quotation, Speaker

ANONYMOUS = "Unnamed sources"


@dataclass
class SpeakerQuotes:
    name: str
    speaker: Speaker | None
    quotations: list[Quotation] = field(default_factory=list)


def who_said_what(article: ArticlePage) -> list[SpeakerQuotes]:
    """Each speaker once, in the order they first speak, with their quotations in order."""
    groups: dict[object, SpeakerQuotes] = {}
    rows = Quotation.objects.filter(article=article).select_related("speaker").order_by("order")
    for row in rows:
        if row.speaker is not None:
            key, name = row.speaker_id, row.speaker.name
        elif row.anonymous:
            key, name = "anonymous", ANONYMOUS
        else:
            continue
        group = groups.setdefault(key, SpeakerQuotes(name, row.speaker))
        group.quotations.append(row)
    return list(groups.values())


@provides("who_said_what", depends_on=("content",))
def region(request: HttpRequest, page: Page) -> str:
    if not isinstance(page, ArticlePage) or page.pk is None:
        return ""
    groups = who_said_what(page)
    if not groups:
        return ""
    return render_to_string("quotes/region.html", {"groups": groups}, request=request)
