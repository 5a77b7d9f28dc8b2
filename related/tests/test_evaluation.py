"""The evaluation command and its metrics, on a small corpus the test writes itself."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from related import embedding, evaluation
from related.evaluation import held_out, read_corpus, score_lists

STORIES = [
    (
        "t1",
        "Harbour dredging approved",
        "Council approves dredging the harbour channel for ferries",
        "2026-03-01",
        "dredge",
    ),
    (
        "t2",
        "Dredging of harbour gets go-ahead",
        "The harbour channel will be dredged so ferries can dock",
        "2026-03-01",
        "dredge",
    ),
    (
        "t3",
        "Ferries return after dredging",
        "Dredging of the harbour channel lets ferries dock again",
        "2026-03-09",
        "dredge",
    ),
    (
        "t4",
        "Bakery wins sourdough prize",
        "Judges praise the bakery's sourdough loaves at the county fair",
        "2026-03-02",
        "bread",
    ),
    (
        "t5",
        "Sourdough prize for town bakery",
        "The county fair judges pick the bakery's sourdough as best loaf",
        None,
        "bread",
    ),
    (
        "t6",
        "Cup final tickets sell out",
        "Supporters queue overnight as final tickets sell out",
        "2026-03-03",
        "cup",
    ),
    (
        "t7",
        "Final tickets gone in an hour",
        "Tickets for the cup final sold out as supporters queued",
        "2026-03-03",
        "cup",
    ),
    (
        "t8",
        "Library opens late on Thursdays",
        "The town library extends its opening hours",
        "2026-03-04",
        "alone",
    ),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    lines = [
        json.dumps({"id": i, "title": t, "body": b, "published": p, "group": g, "source": "test"})
        for i, t, b, p, g in STORIES
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_metrics_follow_their_definitions() -> None:
    groups = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "z"}
    rankings = {"a": ["d", "b"], "b": ["a", "c"], "c": ["f", "d"], "d": ["e"], "e": ["a"], "f": ["a"]}
    scores = score_lists(rankings, groups, k=2)
    assert scores.queries == 5  # f's group has no other member
    assert scores.hit == pytest.approx(3 / 5)
    assert scores.recall == pytest.approx((0.5 + 1 + 0 + 1 + 0) / 5)
    ideal = 1 + 1 / 1.5849625007211563
    assert scores.ndcg == pytest.approx(((1 / 1.5849625007211563) / ideal + 1 + 0 + 1 + 0) / 5)


def test_command_prints_semantic_engine_and_baseline_for_each_corpus(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evaluation, "cache_dir", lambda: corpus.parent / "cache")
    out = StringIO()
    call_command("evaluate_related", str(corpus.parent), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:6] == ["corpus", "ranker", "queries", "hit@5", "recall@5", "nDCG@5"]
    rows = {line.split()[1]: line.split() for line in lines[1:]}
    with_model = embedding.load_embedder() is not None
    assert set(rows) == {"baseline", "engine"} | ({"semantic"} if with_model else set())
    for ranker in rows:
        assert rows[ranker][0] == "tiny.jsonl"
        assert rows[ranker][2] == "7"
    assert float(rows["engine"][3]) == 1.0  # every story's partner is found in the top 5
    if with_model:
        assert float(rows["semantic"][3]) == 1.0
        assert list((corpus.parent / "cache").glob("*.npy"))  # embedded once, kept for the next run


def test_a_tuning_split_gets_held_out_rows() -> None:
    groups = {"allsides-train-1-0": "a", "allsides-train-1-1": "a", "allsides-test-2-0": "b"}
    assert held_out(groups) == {"allsides-test-2-0"}
    assert held_out({"t1": "a", "t2": "a"}) is None
    rankings = {"allsides-train-1-0": ["allsides-train-1-1"], "allsides-train-1-1": ["allsides-test-2-0"]}
    assert score_lists(rankings, groups, k=1, only={"allsides-train-1-0"}).recall == 1.0


def test_command_reads_the_folder_from_the_environment(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELATED_EVAL_DATA", str(corpus))
    out = StringIO()
    call_command("evaluate_related", stdout=out)
    assert "tiny.jsonl" in out.getvalue()


def test_bad_input_is_one_readable_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RELATED_EVAL_DATA", raising=False)
    with pytest.raises(CommandError, match="set RELATED_EVAL_DATA"):
        call_command("evaluate_related")
    with pytest.raises(CommandError, match="No such corpus"):
        call_command("evaluate_related", str(tmp_path / "missing.jsonl"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "title": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"broken.jsonl line 1: KeyError\('group'\)"):
        call_command("evaluate_related", str(broken))


def test_read_corpus_keeps_dates_and_groups(corpus: Path) -> None:
    docs, groups = read_corpus(corpus)
    assert len(docs) == 8
    assert groups["t4"] == "bread"
    assert docs[4].published is None
    assert str(docs[0].published) == "2026-03-01"
