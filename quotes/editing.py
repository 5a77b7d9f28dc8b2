"""What editors do to speakers and attributions; each change purges exactly the pages it alters."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from core import fragments
from core.tasks import purge_pages_after_commit
from news.sitemaps import sitemap_paths
from quotes.api import quotations_changed
from quotes.models import Quotation, Speaker
from quotes.store import free_slug, speaker_paths, update_visibility


def _article_paths(quotations: Iterable[Quotation]) -> list[str]:
    return [q.article.url for q in quotations if q.article.live and q.article.url]


def _changed(speakers: Iterable[Speaker], quotations: Iterable[Quotation]) -> None:
    speakers = [s for s in speakers if s is not None]
    quotations = list(quotations)
    update_visibility(speakers)
    fragments.bump_after_commit("content")
    purge_pages_after_commit(
        [*speaker_paths(speakers), *_article_paths(quotations), *sitemap_paths("speakers")]
    )
    quotations_changed.send(sender=Quotation, article_ids=sorted({q.article_id for q in quotations}))


@transaction.atomic
def merge(keep: Speaker, duplicate: Speaker) -> Speaker:
    """One record from two: ``duplicate``'s quotations and names move to ``keep``."""
    if keep.pk == duplicate.pk:
        return keep
    quotations = list(Quotation.objects.filter(speaker=duplicate).select_related("article"))
    names = [duplicate.name, *duplicate.aliases]
    keep.aliases = list(dict.fromkeys([*keep.aliases, *(n for n in names if n != keep.name)]))
    keep.save(update_fields=["aliases"])
    Quotation.objects.filter(speaker=duplicate).update(speaker=keep)
    old_paths = speaker_paths([duplicate])
    duplicate.delete()
    purge_pages_after_commit(old_paths)
    _changed([keep], quotations)
    return keep


@transaction.atomic
def split(speaker: Speaker, quotation_ids: Iterable[int], name: str) -> Speaker:
    """Undo a wrong merge: the chosen quotations go to a new speaker called ``name``."""
    new = Speaker.objects.create(name=name, slug=free_slug(name), kind=speaker.kind)
    quotations = list(
        Quotation.objects.filter(speaker=speaker, pk__in=list(quotation_ids)).select_related("article")
    )
    Quotation.objects.filter(pk__in=[q.pk for q in quotations]).update(speaker=new, corrected=True)
    _changed([speaker, new], quotations)
    return new


@transaction.atomic
def correct(quotation: Quotation, speaker: Speaker | None, anonymous: bool = False) -> Quotation:
    """An editor's attribution of one quotation; kept when the article is read again."""
    before = quotation.speaker
    quotation.speaker, quotation.anonymous, quotation.corrected = speaker, anonymous and speaker is None, True
    quotation.save(update_fields=["speaker", "anonymous", "corrected"])
    _changed([before, speaker], [quotation])
    return quotation


@transaction.atomic
def set_visibility(speaker: Speaker, hidden: bool, noindex: bool) -> None:
    speaker.hidden, speaker.noindex, speaker.editor_decided_visibility = hidden, noindex, True
    speaker.save(update_fields=["hidden", "noindex", "editor_decided_visibility"])
    _changed([speaker], Quotation.objects.filter(speaker=speaker).select_related("article"))


@transaction.atomic
def forget_speakers(speakers: QuerySet[Speaker]) -> int:
    found = list(speakers)
    quotations = list(Quotation.objects.filter(speaker__in=found).select_related("article"))
    paths = speaker_paths(found)
    Quotation.objects.filter(pk__in=[q.pk for q in quotations]).update(speaker=None, corrected=True)
    for speaker in found:
        speaker.delete()
    fragments.bump_after_commit("content")
    purge_pages_after_commit([*paths, *_article_paths(quotations), *sitemap_paths("speakers")])
    quotations_changed.send(sender=Quotation, article_ids=sorted({q.article_id for q in quotations}))
    return len(found)
