"""Score the quotation extractor, and the plain baseline, against a hand-labelled file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quotes.evaluation import LabelError, describe_errors, evaluate, format_rows, read_labels

HELP = """Score quotation finding and attribution against hand labels.

Each FILE is JSON Lines, one article a line (several FILEs are scored as one set):
  {"id", "title", "text", "quotes": [{"speaker", "aliases", "starts", "kind", "anonymous"}],
   "not_quotes": [...]}
kind is full, partial, continuation or pronoun; an anonymous source has "speaker": null,
"anonymous": true; starts is the quotation's first words as printed. A line with no "text"
takes it from --corpus (JSON Lines with "id" and "body" or "text").

Prints precision, recall and F1 with 95% bootstrap intervals (over articles) for (a) finding
quotations and (b) finding them with the right speaker, overall and per kind, for the rules
and for the baseline ("<Name> said" next to a quoted span). --verbose lists misses, wrong
speakers and false finds. Matching rules: docs/quotes.md."""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        from argparse import RawDescriptionHelpFormatter

        return super().create_parser(
            prog_name, subcommand, formatter_class=RawDescriptionHelpFormatter, **kwargs
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="labelled JSON Lines file(s)")
        parser.add_argument("--corpus", help="JSON Lines with the texts of lines that have none")
        parser.add_argument("--verbose", action="store_true", help="list misses and false finds")

    def handle(self, *args: Any, files: list[str], corpus: str | None, verbose: bool, **options: Any) -> None:
        try:
            articles = [
                a for file in files for a in read_labels(Path(file), Path(corpus) if corpus else None)
            ]
        except LabelError as error:
            raise CommandError(str(error)) from error
        rows, outcomes = evaluate(articles)
        self.stdout.write(
            f"{len(articles)} articles, {sum(len(a.labels) for a in articles)} labelled quotations"
        )
        self.stdout.write("\n".join(format_rows(rows)))
        if verbose:
            for system in ("rules", "baseline"):
                self.stdout.write(f"\n{system}: misses, wrong speakers and false finds")
                self.stdout.write("\n".join(describe_errors(outcomes[system])) or "none")
