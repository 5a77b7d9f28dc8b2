"""The sentence-embedding side: bad input, meaning over words, and life without the model."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from related import embedding
from related.engine import Document, TfidfEngine
from related.semantic import SemanticEngine

needs_model = pytest.mark.skipif(embedding.load_embedder() is None, reason="model package not installed")

PARAPHRASES = [
    Document(1, "Car sales slump", "Dealers sold far fewer new cars this spring than a year ago."),
    Document(
        2, "Vehicle purchases drop sharply", "Motorists bought markedly less automobiles, figures show."
    ),
    Document(3, "Orchestra opens season", "The symphony orchestra played Brahms to a full concert hall."),
    Document(
        4, "Concert hall crowd cheers symphony", "A packed audience applauded the musicians' opening night."
    ),
]


@needs_model
def test_bad_input_gives_finite_unit_vectors_and_a_long_body_costs_no_more() -> None:
    embedder = embedding.load_embedder()
    assert embedder is not None
    huge = Document(3, "Budget debate", " ".join(["council budget amendment"] * 70_000))  # 210 000 words
    docs = [
        Document(1, "", ""),
        Document(2, "Title only", ""),
        huge,
        Document(4, "Le conseil municipal vote le budget", "Les élus ont adopté le budget mardi soir."),
        Document(5, "市议会通过预算", "市议会周二晚上通过了明年的预算。"),
    ]
    vectors = embedder.embed(docs)
    assert vectors.shape == (5, embedding.DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.isfinite(vectors).all()
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert len(embedding.embedded_text(huge).split()) <= embedding.WINDOW * 2 + 2


@needs_model
def test_meaning_finds_the_paraphrase_that_shares_no_words() -> None:
    lexical = TfidfEngine()
    lexical.fit(PARAPHRASES)
    assert [m.id for m in lexical.most_similar(1, 3)] == []  # no word in common with anything
    embedder = embedding.load_embedder()
    assert embedder is not None
    semantic = SemanticEngine()
    semantic.fit(PARAPHRASES, embedder.embed(PARAPHRASES))
    assert semantic.most_similar(1, 1)[0].id == 2
    assert semantic.most_similar(3, 1)[0].id == 4


def test_semantic_engine_keeps_the_lexical_engines_exclusions_and_updates() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(4, embedding.DIMENSIONS)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    engine = SemanticEngine()
    engine.fit(PARAPHRASES, vectors)
    engine.add_or_update(Document(5, "Copy of the first", "A new article"), vectors[0])
    assert engine.most_similar(5, 1)[0].id == 1  # identical vector
    engine.remove(1)
    assert 1 not in [m.id for m in engine.most_similar(5, 4)]
    engine.add_or_update(Document(6, "Not embedded yet", "Waiting for the worker"))
    assert engine.without_vector() == [6]


def test_without_the_model_package_the_lexical_engine_is_used_and_it_is_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", "no_such_model_package")
    embedding.load_embedder.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="related.embedding"):
            assert embedding.load_embedder() is None
            assert embedding.load_embedder() is None
        assert len(caplog.records) == 1
        assert "lexical engine only" in caplog.records[0].getMessage()
    finally:
        embedding.load_embedder.cache_clear()
