"""evaluate_quotes and backfill_quotes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quotes.models import Quotation

FIXTURES = Path(__file__).parent / "fixtures" / "hard_cases.jsonl"


def test_evaluate_prints_both_systems_per_kind_with_intervals():
    out = io.StringIO()
    call_command("evaluate_quotes", str(FIXTURES), "--verbose", stdout=out)
    text = out.getvalue()
    for system in ("rules", "baseline"):
        for kind in ("all", "full", "partial", "continuation", "pronoun"):
            assert any(line.startswith(f"{system:<9} speaker    {kind:<13}") for line in text.splitlines())
    rules = next(line for line in text.splitlines() if line.startswith("rules     speaker    all"))
    baseline = next(line for line in text.splitlines() if line.startswith("baseline  speaker    all"))
    f1 = lambda line: float(line.split()[-3])  # noqa: E731
    assert f1(rules) > f1(baseline)
    assert "[" in rules
    assert "misses, wrong speakers and false finds" in text


def test_evaluate_reads_texts_from_the_corpus_by_id(tmp_path):
    labels = tmp_path / "labels.jsonl"
    corpus = tmp_path / "corpus.jsonl"
    label = {"speaker": "Jo Bloggs", "aliases": [], "starts": "We will", "kind": "full", "anonymous": False}
    labels.write_text(json.dumps({"id": "a1", "quotes": [label]}) + "\n")
    corpus.write_text(json.dumps({"id": "a1", "body": '"We will win," said Jo Bloggs.'}) + "\n")
    out = io.StringIO()
    call_command("evaluate_quotes", str(labels), "--corpus", str(corpus), stdout=out)
    assert "rules     speaker    all                1      1      1  1.000" in out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "holds no labelled articles"), ("{not json", "line 1"), ('{"id": "x"}', "not in the corpus")],
)
def test_evaluate_bad_files_fail_with_one_line(tmp_path, content, message):
    path = tmp_path / "labels.jsonl"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("evaluate_quotes", str(path))


def test_evaluate_missing_file_fails_with_one_line(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("evaluate_quotes", str(tmp_path / "none.jsonl"))


@pytest.mark.django_db
def test_backfill_reads_every_live_article_and_shows_no_bar_off_a_terminal(make_article):
    make_article("Live", body=[{"type": "paragraph", "value": '<p>"We will win," said Jo Bloggs.</p>'}])
    make_article("Draft", live=False, body=[{"type": "paragraph", "value": '<p>"Not yet," said Al Bee.</p>'}])
    Quotation.objects.all().delete()
    out, err = io.StringIO(), io.StringIO()
    call_command("backfill_quotes", stdout=out, stderr=err)
    assert "Read 1 articles: 1 quotations" in out.getvalue()
    assert err.getvalue() == ""
    assert list(Quotation.objects.values_list("speaker__name", flat=True)) == ["Jo Bloggs"]
