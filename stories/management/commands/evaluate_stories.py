"""Print B-cubed precision / recall / F1 of the story grouping and its baseline, per corpus.

One line per corpus, subset (all articles with dates hidden; the dated ones without and with
the time window) and method; ``stories.evaluation`` says what each means.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from related.api import has_model
from related.evaluation import corpus_files
from stories.evaluation import CorpusError, evaluate


class Command(BaseCommand):
    help = "Evaluate the story grouping on story-labelled JSONL corpora (files, or folders of *.jsonl)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--corpus", action="append", required=True, help="a corpus file or folder (repeatable)"
        )
        parser.add_argument(
            "--lexical-only",
            action="store_true",
            help="content scores from TF-IDF alone (as without the model package; no corpus embedding)",
        )

    def handle(self, *args: Any, corpus: list[str], lexical_only: bool = False, **options: Any) -> None:
        try:
            corpora = corpus_files([Path(path) for path in corpus])
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if lexical_only:
            self.stderr.write("Content scores are TF-IDF alone (--lexical-only).")
        elif not has_model():
            self.stderr.write("The model package is not installed: content scores are TF-IDF alone.")
        self.stdout.write(
            f"{'corpus':<26} {'subset':<20} {'articles':>8} {'method':<24} {'B3 P':>6} {'B3 R':>6} "
            f"{'B3 F1':>6} {'stories':>7} {'seconds':>7}"
        )
        for path in corpora:
            started = time.monotonic()
            try:
                for row in evaluate(path, lexical_only=lexical_only):
                    scores = row.scores
                    self.stdout.write(
                        f"{path.name:<26} {row.subset:<20} {row.articles:>8} {row.method:<24} "
                        f"{scores.precision:>6.3f} {scores.recall:>6.3f} {scores.f1:>6.3f} "
                        f"{scores.stories:>7} {time.monotonic() - started:>7.1f}"
                    )
                    started = time.monotonic()
            except CorpusError as error:
                raise CommandError(str(error)) from error
