"""Print hit@k / recall@k / nDCG@k of the semantic ranker, the lexical engine and plain TF-IDF.

One row per ranker and corpus; a corpus with a tuning split (AllSides ``-train-`` ids) gets a
second row per ranker, ``ranker:held-out``, over the queries the fusion was not tuned on. The
semantic ranker is left out, with a note, when the model package is not installed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from related import embedding
from related.evaluation import CorpusError, corpus_files, evaluate

ENV = "RELATED_EVAL_DATA"


class Command(BaseCommand):
    help = (
        "Evaluate the similarity engine on labelled JSONL corpora (files, or folders of *.jsonl). "
        f"Without arguments, reads the folder named by ${ENV}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="corpus files or folders")
        parser.add_argument("-k", type=int, default=5, help="list length judged (default 5)")

    def handle(self, *args: Any, paths: list[str], k: int, **options: Any) -> None:
        if not paths and not os.environ.get(ENV):
            raise CommandError(f"Give corpus files or folders, or set {ENV}.")
        try:
            corpora = corpus_files([Path(p) for p in paths or [os.environ[ENV]]])
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if embedding.load_embedder() is None:
            self.stderr.write("The model package is not installed: the semantic ranker is left out.")
        self.stdout.write(f"{'corpus':<28} {'ranker':<18} {'queries':>7} {'hit@' + str(k):>7} "
                          f"{'recall@' + str(k):>9} {'nDCG@' + str(k):>7} {'seconds':>7}")  # fmt: skip
        for corpus in corpora:
            started = time.monotonic()
            try:
                for name, queries, scores in evaluate(corpus, k):
                    seconds = time.monotonic() - started
                    label = name if queries == "all" else f"{name}:{queries}"
                    self.stdout.write(
                        f"{corpus.name:<28} {label:<18} {scores.queries:>7} {scores.hit:>7.3f} "
                        f"{scores.recall:>9.3f} {scores.ndcg:>7.3f} {seconds:>7.1f}"
                    )
                    started = time.monotonic()
            except CorpusError as error:
                raise CommandError(str(error)) from error
