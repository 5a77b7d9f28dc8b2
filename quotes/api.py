"""What other apps may use from ``quotes``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet
from django.dispatch import Signal

from quotes.models import Quotation, Speaker

# Sent with ``article_ids`` when the quotations of those articles, or their speakers, change.
quotations_changed = Signal()


def quotations_of(article_id: int) -> list[dict]:
    """The article's quotations in body order, with their speakers when those have a public page
    (others are named ``None``; anonymous sources say so): one query."""
    rows = Quotation.objects.filter(article_id=article_id).select_related("speaker").order_by("order")
    return [
        {
            "text": row.text,
            "kind": row.kind,
            "anchor": row.anchor,
            "anonymous": row.anonymous,
            "speaker": (
                {"name": row.speaker.name, "kind": row.speaker.kind, "url": row.speaker.get_absolute_url()}
                if row.speaker and not row.speaker.hidden
                else None
            ),
        }
        for row in rows
    ]


def public_speaker(slug: str) -> Speaker | None:
    """The speaker with a public page at this slug, or None."""
    return Speaker.objects.filter(slug=slug, hidden=False).first() if slug else None


def articles_quoting(articles: QuerySet, speaker: Speaker) -> QuerySet:
    """Narrow ``articles`` to those that quote ``speaker`` (usable before a Wagtail search)."""
    return articles.filter(id__in=Quotation.objects.filter(speaker=speaker).values("article_id"))


def speakers_quoted_in(article_ids: Iterable[int]) -> dict[int, list[Speaker]]:
    """The public speakers each article quotes, in the order they first speak: one query."""
    quoted: dict[int, list[Speaker]] = defaultdict(list)
    rows = (
        Quotation.objects.filter(article_id__in=list(article_ids), speaker__hidden=False)
        .select_related("speaker")
        .only("article_id", "speaker__name", "speaker__slug")
        .order_by("article_id", "order")
    )
    for row in rows:
        if row.speaker not in quoted[row.article_id]:
            quoted[row.article_id].append(row.speaker)
    return quoted
