"""Keeps the similarity index and the stored lists in step with the published articles.

The index lives in the database, so every worker and web machine shares it and a second
worker machine needs no file of its own: one :class:`~related.models.ArticleVector` row per
live article (its version ``last_published_at``, its TF-IDF row and its sentence embedding)
and the single :class:`~related.models.IndexState` row (the frozen IDF and a generation
number bumped by every change). A process keeps a copy of the engine in memory and reloads
it only when the generation moved on.

:func:`sync` compares the stored versions with the live articles, so one run handles any
number of publications, unpublications and deletions, and a missed or repeated signal is
harmless (tasks are delivered at least once). Only the changed articles are transformed and
embedded, and only the lists that can change are recomputed: the changed articles' own
lists, lists that contained a changed or removed article, and lists a new or changed article
now enters (checked among its ``CANDIDATES`` best matches against each list's lowest stored
score).

:func:`rebuild` refits from scratch. It is resumable: embeddings already stored for the same
article version and model are kept, and new ones are saved every ``EMBED_BATCH`` articles,
so a rebuild stopped half-way continues where it stopped.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone
from django.utils.html import strip_tags

from core import fragments
from news.api import published_articles
from news.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage
from related import embedding
from related.engine import Document, Match, TfidfEngine
from related.models import ArticleVector, IndexState, SimilarArticle
from related.semantic import SemanticEngine

STORED = 10
CANDIDATES = 500
BATCH = 2000
EMBED_BATCH = 256
# pg_advisory_lock key: one sync or rebuild at a time across every machine.
LOCK_KEY = 0x7265_6C61  # "rela"

Progress = Callable[[int, int], None]
Versions = dict[int, datetime | None]


@dataclass
class Loaded:
    """This process's copy of the index, valid while ``generation`` is the stored one."""

    generation: tuple[datetime | None, int]
    engine: TfidfEngine
    versions: Versions


_loaded: Loaded | None = None


@contextmanager
def _exclusive() -> Iterator[None]:
    """One sync or rebuild at a time: across machines on PostgreSQL, on this machine on SQLite."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        return
    # SQLite serves one machine, so a file lock there is enough.
    path = settings.VAR_DIR / "related" / "index.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _model_id(embedder: embedding.Embedder | None) -> str:
    return f"{embedding.MODEL_PACKAGE}/{embedding.WINDOW}" if embedder else ""


def _pack_terms(indices: np.ndarray, weights: np.ndarray) -> bytes:
    return indices.astype("<i4").tobytes() + weights.astype("<f4").tobytes()


def _unpack_terms(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    half = len(blob) // 2
    return np.frombuffer(blob[:half], dtype="<i4"), np.frombuffer(blob[half:], dtype="<f4")


def live_versions() -> Versions:
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


def _state() -> IndexState:
    return IndexState.objects.get_or_create(pk=1)[0]


def _vector_row(engine: TfidfEngine, doc: Document, version: datetime | None) -> ArticleVector:
    return ArticleVector(
        article_id=doc.id, version=version, published=doc.published, terms=_pack_terms(*engine.terms(doc.id))
    )


def _load(state: IndexState, embedder: embedding.Embedder | None) -> Loaded:
    """This process's copy, read from the database only when another process changed it."""
    global _loaded
    if _loaded is not None and _loaded.generation == (state.built_at, state.generation):
        return _loaded
    rows = ArticleVector.objects.order_by("article_id").values_list(
        "article_id", "version", "published", "terms", "embedding"
    )
    versions: Versions = {}
    entries, vectors = [], []
    for article_id, version, published, terms, vector in rows.iterator(chunk_size=BATCH):
        versions[article_id] = version
        entries.append((article_id, published, *_unpack_terms(bytes(terms))))
        vectors.append(bytes(vector) if vector is not None else None)
    idf = np.frombuffer(zlib.decompress(bytes(state.idf)), dtype=np.float32)
    lexical = (SemanticEngine if embedder else TfidfEngine).restore(
        idf, entries, state.fitted_count, state.added_since_fit
    )
    if isinstance(lexical, SemanticEngine):
        lexical.set_vectors([np.frombuffer(v, dtype="<f4") if v else None for v in vectors])
    _loaded = Loaded((state.built_at, state.generation), lexical, versions)
    return _loaded


def _forget() -> None:
    """Drop this process's copy (after a failure left it out of step with the database)."""
    global _loaded
    _loaded = None


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


def _store_lexical(engine: TfidfEngine, docs: list[Document], versions: Versions, model: str) -> IndexState:
    """Replace every row's TF-IDF terms, keeping embeddings of unchanged article versions."""
    kept: dict[int, bytes] = {}
    if model and _state().embedding_model == model:
        with_vectors = ArticleVector.objects.filter(embedding__isnull=False)
        kept = dict(with_vectors.values_list("article_id", "embedding"))
    stored_versions = dict(ArticleVector.objects.values_list("article_id", "version"))
    rows = []
    for doc in docs:
        row = _vector_row(engine, doc, versions[doc.id])
        if doc.id in kept and stored_versions.get(doc.id) == versions[doc.id]:
            row.embedding = kept[doc.id]
        rows.append(row)
    with transaction.atomic():
        state = IndexState.objects.select_for_update().get_or_create(pk=1)[0]
        ArticleVector.objects.all().delete()
        ArticleVector.objects.bulk_create(rows, batch_size=500)
        state.idf = zlib.compress(engine.idf().tobytes())
        state.fitted_count, state.added_since_fit = engine.fitted_count, 0
        state.embedding_model = model
        state.built_at = timezone.now()
        state.generation += 1
        state.save()
    return state


def _embed_missing(embedder: embedding.Embedder, progress: Progress | None) -> None:
    """Embed every row without a vector, saving each batch: an interrupted run resumes here."""
    missing = list(ArticleVector.objects.filter(embedding__isnull=True).values_list("article_id", flat=True))
    total = ArticleVector.objects.count()
    done = total - len(missing)
    for start in range(0, len(missing), EMBED_BATCH):
        docs = list(documents(missing[start : start + EMBED_BATCH]))
        vectors = embedder.embed(docs)
        rows = [
            ArticleVector(article_id=doc.id, embedding=vector.tobytes())
            for doc, vector in zip(docs, vectors, strict=True)
        ]
        done += len(missing[start : start + EMBED_BATCH])
        ArticleVector.objects.bulk_update(rows, ["embedding"], batch_size=EMBED_BATCH)
        if progress:
            progress(done, total)


def record_progress(done: int, total: int) -> None:
    """Progress of a rebuild, kept where ``manage.py rebuild_related --in-worker`` reads it."""
    IndexState.objects.filter(pk=1).update(rebuild_done=done, rebuild_total=total)


def rebuild_progress() -> tuple[int, int]:
    state = IndexState.objects.filter(pk=1).values_list("rebuild_done", "rebuild_total").first()
    return state or (0, 0)


def _rebuild(progress: Progress | None = None) -> int:
    embedder = embedding.load_embedder()
    versions = live_versions()
    docs = list(documents(versions))
    if not docs:  # nothing live yet (a new site): no index and no lists, rather than a failed fit
        with transaction.atomic():
            ArticleVector.objects.all().delete()
            SimilarArticle.objects.all().delete()
            fragments.bump_after_commit("discovery")
        return 0
    lexical = TfidfEngine()
    lexical.fit(docs)
    _store_lexical(lexical, docs, versions, _model_id(embedder))
    del docs
    if embedder:
        _embed_missing(embedder, progress)
    loaded = _load(_state(), embedder)
    lists = dict(loaded.engine.iter_all_similar(STORED, progress))
    with transaction.atomic():
        SimilarArticle.objects.all().delete()
        SimilarArticle.objects.bulk_create(_rows(lists), batch_size=1000)
        fragments.bump_after_commit("discovery")
    return len(versions)


def rebuild(progress: Progress | None = None) -> int:
    """Refit the index on every live article and replace every stored list; return the count."""
    with _exclusive():
        try:
            return _rebuild(progress)
        except BaseException:
            _forget()
            raise


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


def _needs_rebuild(state: IndexState, engine_model: str) -> bool:
    if not state.idf or state.added_since_fit > max(100, 0.2 * state.fitted_count):
        return True
    return state.embedding_model != engine_model


def _apply(loaded: Loaded, state: IndexState, embedder: embedding.Embedder | None) -> dict[str, int]:
    versions = live_versions()
    engine = loaded.engine
    removed = [doc_id for doc_id in loaded.versions if doc_id not in versions]
    changed = [doc_id for doc_id, version in versions.items() if loaded.versions.get(doc_id, 0) != version]
    if isinstance(engine, SemanticEngine):
        changed += [
            doc_id for doc_id in engine.without_vector() if doc_id in versions and doc_id not in changed
        ]
    if not removed and not changed:
        return {"rebuilt": 0, "changed": 0, "removed": 0}
    for doc_id in removed:
        engine.remove(doc_id)
    docs = list(documents(changed))
    vectors = embedder.embed(docs) if embedder else [None] * len(docs)
    for doc, vector in zip(docs, vectors, strict=True):
        if isinstance(engine, SemanticEngine):
            engine.add_or_update(doc, vector)
        else:
            engine.add_or_update(doc)
    rows = [_vector_row(engine, doc, versions[doc.id]) for doc in docs]
    for row, vector in zip(rows, vectors, strict=True):
        row.embedding = vector.tobytes() if vector is not None else None
    containing = SimilarArticle.objects.filter(similar_id__in=[*changed, *removed]).values_list(
        "article_id", flat=True
    )
    recompute = {*changed, *containing, *_entered_lists(engine, changed)}
    lists = engine.similar_to_many([doc_id for doc_id in recompute if doc_id in engine], STORED)
    with transaction.atomic():
        ArticleVector.objects.filter(article_id__in=[*removed, *changed]).delete()
        ArticleVector.objects.bulk_create(rows, batch_size=500)
        state = IndexState.objects.select_for_update().get(pk=1)
        state.added_since_fit = engine.added_since_fit
        state.generation += 1
        state.save(update_fields=["added_since_fit", "generation"])
        _write(lists, removed)
    loaded.generation, loaded.versions = (state.built_at, state.generation), versions
    return {"rebuilt": 0, "changed": len(changed), "removed": len(removed)}


def loaded_engine() -> TfidfEngine:
    """This process's copy of the engine as the database holds it now (read only); an empty
    engine while nothing has been indexed."""
    state = _state()
    return _load(state, embedding.load_embedder()).engine if state.idf else TfidfEngine()


def sync() -> dict[str, int]:
    """Bring the index and the lists up to date with the live articles (idempotent)."""
    with _exclusive():
        embedder = embedding.load_embedder()
        state = _state()
        try:
            if _needs_rebuild(state, _model_id(embedder)):
                return {"rebuilt": _rebuild(), "changed": 0, "removed": 0}
            return _apply(_load(state, embedder), state, embedder)
        except BaseException:
            _forget()
            raise
