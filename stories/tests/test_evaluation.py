"""``manage.py evaluate_stories`` on a small corpus written here."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stories.tests.conftest import HARBOUR, ORCHESTRA

ARTICLES = [
    ("h1", "Aberwen toll to rise", HARBOUR, "2026-03-01", "harbour"),
    ("h2", "Aberwen toll vote", HARBOUR + " The board meets on Monday.", "2026-03-03", "harbour"),
    ("h3", "Aberwen toll passed", HARBOUR + " The board voted for the toll.", None, "harbour"),
    ("o1", "Vellmoor orchestra moves", ORCHESTRA, "2026-03-02", "orchestra"),
    ("o2", "Vellmoor orchestra plays", ORCHESTRA + " The first concert sold out.", "2026-03-04", "orchestra"),
    ("o3", "Vellmoor hall repairs", ORCHESTRA + " Repairs start in May.", "2026-05-20", "orchestra"),
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "stories.jsonl"
    lines = [
        {"id": i, "title": title, "body": text, "published": day, "group": group}
        for i, title, text, day, group in ARTICLES
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def rows(output: str) -> dict[tuple[str, str], list[str]]:
    """(subset, method) → the figures of that line."""
    table = {}
    for line in output.splitlines()[1:]:
        rest = line.split(maxsplit=1)[1]
        subset, articles, method = rest[:20].strip(), rest[21:29].strip(), rest[30:55].strip()
        table[(subset, method)] = [articles, *rest[55:].split()]
    return table


def test_reports_bcubed_for_every_subset_against_the_baseline(corpus: Path) -> None:
    out = StringIO()
    call_command("evaluate_stories", "--corpus", str(corpus), stdout=out, stderr=StringIO())
    table = rows(out.getvalue())
    subsets = {subset for subset, _ in table}
    assert subsets == {"all, content only", "dated, content only", "dated, time window"}
    assert {method.split(" @")[0] for _, method in table} == {
        "stories", "stories, no names", "components", "components, best"
    }  # fmt: skip
    assert table[("all, content only", "stories")][:5] == ["6", "1.000", "1.000", "1.000", "2"]
    # o3 is 77 days after the others: the window keeps it out (h1+h2, o1+o2, o3), recall drops.
    articles, precision, recall, _, stories = table[("dated, time window", "stories")][:5]
    assert (articles, precision, stories) == ("5", "1.000", "3")
    assert float(recall) < 1.0


def test_bad_corpora_exit_with_one_readable_line(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such corpus file or folder"):
        call_command("evaluate_stories", "--corpus", str(tmp_path / "missing.jsonl"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "title": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"broken\.jsonl line 1"):
        call_command("evaluate_stories", "--corpus", str(broken), stdout=StringIO(), stderr=StringIO())
