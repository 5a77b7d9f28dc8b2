"""Keeps the engine and the stored lists in step with the published articles.

The fitted engine is kept in a file under the data dir (``RELATED_STATE_PATH``, default
``var/related/engine.joblib``) together with the version (``last_published_at``) of every
article it holds. :func:`sync` compares those versions with the live articles, so one run
handles any number of publications, unpublications and deletions, and a missed or repeated
signal is harmless (tasks are delivered at least once). Only the lists that can change are
recomputed: the changed articles' own lists, lists that contained a changed or removed
article, and lists a new or changed article now enters (checked among its
``CANDIDATES`` best matches against each list's lowest stored score).
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import joblib
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone
from django.utils.html import strip_tags

from core import fragments
from news.api import published_articles
from news.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage
from related.engine import Document, Match, TfidfEngine
from related.models import SimilarArticle

STORED = 10
CANDIDATES = 500
BATCH = 2000

Progress = Callable[[int, int], None]


@dataclass
class State:
    engine: TfidfEngine
    versions: dict[int, datetime | None] = field(default_factory=dict)


def state_path() -> Path:
    return Path(getattr(settings, "RELATED_STATE_PATH", settings.VAR_DIR / "related" / "engine.joblib"))


@contextmanager
def _locked() -> Iterator[None]:
    """One sync or rebuild at a time on this machine, whichever process runs it."""
    path = state_path().with_suffix(".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _load() -> State | None:
    try:
        state = joblib.load(state_path())
    except (FileNotFoundError, EOFError, ValueError, AttributeError, ImportError):
        return None
    return state if isinstance(state, State) else None


def _save(state: State) -> None:
    path = state_path()
    partial = path.with_suffix(".partial")
    joblib.dump(state, partial)
    partial.replace(path)  # atomic: a reader sees the old or the new state, never half


def live_versions() -> dict[int, datetime | None]:
    return dict(published_articles().values_list("id", "last_published_at"))


def _body_text(article: ArticlePage) -> str:
    content = ArticlePage.body.field.stream_block.get_searchable_content(article.body)
    return strip_tags(" ".join(str(part) for part in content))


def documents(ids: Iterable[int]) -> Iterator[Document]:
    """The engine's view of these articles, in batches of a few queries each."""
    ids = sorted(ids)
    sections = dict(SectionPage.objects.values_list("path", "title"))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        tags: dict[int, list[str]] = {}
        for article_id, name in ArticleTag.objects.filter(content_object_id__in=batch).values_list(
            "content_object_id", "tag__name"
        ):
            tags.setdefault(article_id, []).append(name)
        authors: dict[int, list[str]] = {}
        for article_id, name in ArticleAuthor.objects.filter(article_id__in=batch).values_list(
            "article_id", "author__name"
        ):
            authors.setdefault(article_id, []).append(name)
        articles = ArticlePage.objects.filter(pk__in=batch).only(
            "id", "title", "standfirst", "body", "path", "depth", "published_at", "first_published_at"
        )
        for article in articles:
            published = article.published_at or article.first_published_at
            yield Document(
                id=article.pk,
                title=article.title,
                standfirst=article.standfirst,
                body=_body_text(article),
                published=timezone.localdate(published) if published else None,
                tags=tags.get(article.pk, ()),
                authors=authors.get(article.pk, ()),
                section=sections.get(article.path[: -ArticlePage.steplen], ""),
            )


def _rows(lists: dict[int, list[Match]]) -> list[SimilarArticle]:
    return [
        SimilarArticle(article_id=article_id, similar_id=match.id, score=match.score, rank=rank)
        for article_id, matches in lists.items()
        for rank, match in enumerate(matches, start=1)
    ]


def _write(lists: dict[int, list[Match]], removed: list[int]) -> None:
    with transaction.atomic():
        SimilarArticle.objects.filter(article_id__in=[*lists, *removed]).delete()
        SimilarArticle.objects.filter(similar_id__in=removed).delete()
        SimilarArticle.objects.bulk_create(_rows(lists), batch_size=1000)
        fragments.bump_after_commit("discovery")


def _rebuild(progress: Progress | None = None) -> State:
    versions = live_versions()
    engine = TfidfEngine()
    engine.fit(documents(versions))
    lists = dict(engine.iter_all_similar(STORED, progress))
    with transaction.atomic():
        SimilarArticle.objects.all().delete()
        SimilarArticle.objects.bulk_create(_rows(lists), batch_size=1000)
        fragments.bump_after_commit("discovery")
    state = State(engine, versions)
    _save(state)
    return state


def rebuild(progress: Progress | None = None) -> int:
    """Refit the engine on every live article and replace every stored list; return the count."""
    with _locked():
        return len(_rebuild(progress).versions)


def _entered_lists(engine: TfidfEngine, changed: Iterable[int]) -> set[int]:
    """Articles whose stored list a changed article now beats (or whose list is not full)."""
    entered: set[int] = set()
    for doc_id in changed:
        scores = engine.scores(doc_id)
        best = dict(sorted(scores.items(), key=lambda item: -item[1])[:CANDIDATES])
        stored = SimilarArticle.objects.filter(article_id__in=list(best)).values("article_id")
        lows = {row["article_id"]: row for row in stored.annotate(low=Min("score"), count=Count("id"))}
        for other, score in best.items():
            row = lows.get(other)
            if row is None or row["count"] < STORED or score > row["low"]:
                entered.add(other)
    return entered


def sync() -> dict[str, int]:
    """Bring the engine and the lists up to date with the live articles (idempotent)."""
    with _locked():
        state = _load()
        if state is None or state.engine.needs_refit:
            state = _rebuild()
            return {"rebuilt": len(state.versions), "changed": 0, "removed": 0}
        versions = live_versions()
        removed = [doc_id for doc_id in state.versions if doc_id not in versions]
        changed = [doc_id for doc_id, version in versions.items() if state.versions.get(doc_id, 0) != version]
        if not removed and not changed:
            return {"rebuilt": 0, "changed": 0, "removed": 0}
        engine = state.engine
        for doc_id in removed:
            engine.remove(doc_id)
        for document in documents(changed):
            engine.add_or_update(document)
        touched = [*changed, *removed]
        containing = SimilarArticle.objects.filter(similar_id__in=touched).values_list(
            "article_id", flat=True
        )
        recompute = {*changed, *containing, *_entered_lists(engine, changed)}
        recompute = [doc_id for doc_id in recompute if doc_id in engine]
        _write(engine.similar_to_many(recompute, STORED), removed)
        state.versions = versions
        _save(state)
        return {"rebuilt": 0, "changed": len(changed), "removed": len(removed)}
