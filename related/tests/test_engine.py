"""The similarity engine on its own: exclusions, recency, incremental updates."""

from __future__ import annotations

from datetime import date

import numpy as np

from related.engine import Document, TfidfEngine, recency

HARBOUR = "The harbour council votes on dredging the old harbour channel for ferries"


def corpus() -> list[Document]:
    return [
        Document(1, "Harbour dredging vote", HARBOUR, date(2026, 5, 1)),
        Document(2, "Council backs harbour dredging", HARBOUR + " after a long debate", date(2026, 5, 2)),
        Document(3, "Harbour dredging plan first floated", HARBOUR + " proposed", date(2021, 5, 1)),
        Document(4, "Local bakery wins bread prize", "Sourdough loaves impress the judges at the fair"),
        Document(5, "Cup final tickets on sale", "Supporters queue overnight for the football final"),
    ]


def ids(matches: list) -> list:
    return [match.id for match in matches]


def test_most_similar_excludes_itself_and_unrelated_text() -> None:
    engine = TfidfEngine()
    engine.fit(corpus())
    assert ids(engine.most_similar(1, 5)) == [2, 3]


def test_a_fresh_story_is_answered_with_the_fresh_close_match_before_the_old_one() -> None:
    engine = TfidfEngine()
    engine.fit(corpus())
    matches = engine.most_similar(1, 2)
    assert ids(matches) == [2, 3]
    without_recency = TfidfEngine(floor=1.0)
    without_recency.fit(corpus())
    old = {m.id: m.score for m in without_recency.most_similar(1, 2)}[3]
    assert {m.id: m.score for m in matches}[3] < old  # five years apart: close to half


def test_recency_multiplier_follows_the_documented_formula() -> None:
    days = np.array([0.0, 30.0, 3650.0, np.nan])
    assert np.allclose(recency(days, 0.0), [1.0, 0.75, 0.5, 1.0], atol=1e-3)


def test_removed_documents_leave_every_list() -> None:
    engine = TfidfEngine()
    engine.fit(corpus())
    engine.remove(2)
    assert 2 not in engine
    assert ids(engine.most_similar(1, 5)) == [3]


def test_add_or_update_transforms_only_the_new_document_and_scores_it() -> None:
    engine = TfidfEngine()
    engine.fit(corpus())
    engine.add_or_update(Document(6, "Bakery prize for sourdough", "Judges at the fair praise the loaves"))
    assert ids(engine.most_similar(6, 1)) == [4]
    assert ids(engine.most_similar(4, 1)) == [6]
    engine.add_or_update(Document(6, "Cup final sold out", "Football supporters queue for final tickets"))
    assert ids(engine.most_similar(6, 1)) == [5]
    assert 6 not in ids(engine.most_similar(4, 5))
    assert engine.added_since_fit == 2
    assert len(engine) == 6


def test_tags_section_and_authors_count_as_exact_tokens() -> None:
    docs = [
        Document(1, "Morning notes", "Various items", tags=("Tidal power",), section="Science"),
        Document(2, "Evening notes", "Other items", tags=("Tidal power",), section="Science"),
        Document(3, "Midday notes", "Some items", tags=("Tidal",), section="Sport"),
    ]
    engine = TfidfEngine()
    engine.fit(docs)
    assert ids(engine.most_similar(1, 1)) == [2]
