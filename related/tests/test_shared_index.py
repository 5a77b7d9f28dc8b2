"""The index lives in the database: any process restores it, resumes a rebuild, or runs without the model."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pytest

from news.models import ArticlePage
from related import embedding, index
from related.engine import Document
from related.models import ArticleVector, IndexState, SimilarArticle

pytestmark = pytest.mark.django_db

FERRY = "The ferry operator cancels sailings across the estuary as storms batter the coast"


def body(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    index._forget()
    yield
    index._forget()
    embedding.load_embedder.cache_clear()


@pytest.fixture
def stories(make_article: Callable[..., ArticlePage]) -> list[ArticlePage]:
    return [
        make_article("Storms cancel estuary ferries", body=body(FERRY)),
        make_article("Ferry sailings cancelled again", body=body(FERRY + " again")),
        make_article("Bakery wins prize", body=body("Sourdough loaves impress judges"), tags=("food",)),
        make_article("Le conseil vote le budget", body=body("Les élus ont adopté le budget mardi.")),
        make_article("Nothing to say", body=[]),
        make_article("The longest report", body=body(" ".join(["estuary ferry storms"] * 70_000))),
    ]


def test_the_index_lives_in_the_database_and_another_process_restores_it(stories, settings) -> None:
    assert index.rebuild() == 6
    rows = ArticleVector.objects.all()
    assert rows.count() == 6
    if embedding.load_embedder():
        assert {len(bytes(row.embedding)) for row in rows} == {embedding.DIMENSIONS * 4}
    assert not list((settings.VAR_DIR / "related").glob("*.joblib"))
    before = list(SimilarArticle.objects.values_list("article_id", "similar_id", "rank"))
    index._forget()  # a second worker machine: nothing in memory, no file of its own
    assert index.sync() == {"rebuilt": 0, "changed": 0, "removed": 0}
    assert sorted(index._loaded.engine.ids) == sorted(article.pk for article in stories)
    assert list(SimilarArticle.objects.values_list("article_id", "similar_id", "rank")) == before
    ferry_list = SimilarArticle.objects.filter(article=stories[0]).values_list("similar_id", flat=True)
    assert stories[1].pk in list(ferry_list)[:2]


def test_a_stale_copy_is_reloaded_when_another_worker_changed_the_index(
    stories, django_capture_on_commit_callbacks
) -> None:
    index.rebuild()
    stale = index._loaded
    index._forget()  # another worker publishes and syncs
    bakery = stories[2]
    bakery.title = "Estuary ferries cancelled in storms"
    bakery.body = body(FERRY)
    with django_capture_on_commit_callbacks(execute=True):
        bakery.save_revision().publish()
    state = IndexState.objects.get()
    generation = (state.built_at, state.generation)
    assert stale is not None
    assert stale.generation != generation
    index._loaded = stale  # the first worker, still holding its old copy
    assert index.sync() == {"rebuilt": 0, "changed": 0, "removed": 0}
    assert index._loaded is not stale
    assert index._loaded.generation == generation


def test_an_interrupted_rebuild_resumes_with_the_embeddings_it_stored(stories, monkeypatch) -> None:
    embedder = embedding.load_embedder()
    if embedder is None:
        pytest.skip("model package not installed")
    monkeypatch.setattr(index, "EMBED_BATCH", 2)
    embedded: list[int] = []
    original = type(embedder).embed

    def embed_then_stop(self, docs: list[Document]) -> np.ndarray:
        if len(embedded) >= 4:
            raise KeyboardInterrupt
        embedded.extend(doc.id for doc in docs)
        return original(self, docs)

    monkeypatch.setattr(type(embedder), "embed", embed_then_stop)
    with pytest.raises(KeyboardInterrupt):
        index.rebuild()
    assert ArticleVector.objects.filter(embedding__isnull=False).count() == 4
    first_run = set(embedded)
    embedded.clear()
    monkeypatch.setattr(
        type(embedder),
        "embed",
        lambda self, docs: embedded.extend(d.id for d in docs) or original(self, docs),
    )
    assert index.rebuild() == 6
    assert set(embedded) == {article.pk for article in stories} - first_run
    assert not ArticleVector.objects.filter(embedding__isnull=True).exists()


def test_without_the_model_package_lists_come_from_the_lexical_engine_then_the_model_takes_over(
    stories, monkeypatch
) -> None:
    real = embedding.MODEL_PACKAGE
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", "no_such_model_package")
    embedding.load_embedder.cache_clear()
    assert index.sync()["rebuilt"] == 6
    assert not ArticleVector.objects.filter(embedding__isnull=False).exists()
    assert SimilarArticle.objects.filter(article=stories[0], similar=stories[1]).exists()
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", real)
    embedding.load_embedder.cache_clear()
    if embedding.load_embedder() is None:
        return
    assert index.sync()["rebuilt"] == 6  # vectors from another model (here none) are recomputed
    assert not ArticleVector.objects.filter(embedding__isnull=True).exists()


def test_a_site_with_no_live_article_syncs_to_an_empty_index(make_article) -> None:
    make_article("Not out yet", body=body(FERRY), live=False)
    assert index.sync()["rebuilt"] == 0
    assert not ArticleVector.objects.exists()
    assert not SimilarArticle.objects.exists()
