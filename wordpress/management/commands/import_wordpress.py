"""manage.py import_wordpress EXPORT.xml: bring a WordPress site's content, comments, images and
old links into Broadsheet. Rules: docs/wordpress-import.md."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wordpress.importer import Importer, Report
from wordpress.media import MediaSource
from wordpress.wxr import WXRError


class Progress:
    """A one-line bar on a terminal; silent when the output is not one (logs, cron)."""

    WIDTH = 30

    def __init__(self, total: int, stream: Any) -> None:
        self.total, self.stream = max(total, 1), stream
        self.enabled = stream.isatty()
        self.label, self.done, self.shown = "", 0, -1

    def __call__(self, label: str, size: int) -> None:
        if label != self.label:
            self.label, self.done, self.shown = label, 0, -1
        self.done += size
        percent = min(100, self.done * 100 // self.total)
        if self.enabled and percent != self.shown:
            self.shown = percent
            filled = self.WIDTH * percent // 100
            self.stream.write(f"\r{label:<10} [{'#' * filled}{' ' * (self.WIDTH - filled)}] {percent:3d}%")
            self.stream.flush()
            if percent == 100:
                self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1/1.2): posts, pages, categories, tags, authors, "
        "comments, images and old links."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("export", help="The WXR file from WordPress: Tools → Export → All content.")
        media = parser.add_mutually_exclusive_group()
        media.add_argument("--media-dir", help="A copy of the old site's wp-content/uploads/ folder.")
        media.add_argument(
            "--media-base-url", help="Fetch files from the old site; only URLs under this base."
        )
        parser.add_argument(
            "--default-section",
            default="News",
            help="Section for posts only in “Uncategorized” (default: News).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["export"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        media = self._media(options)
        importer = Importer(
            path,
            media=media,
            default_section=options["default_section"].strip() or "News",
            dry_run=options["dry_run"],
            on_read=Progress(path.stat().st_size, sys.stderr),
        )
        try:
            report = importer.run()
        except WXRError as error:
            raise CommandError(f"{path.name}: {error}") from None
        except KeyboardInterrupt:
            raise CommandError(
                "Interrupted: every post finished so far is kept; run the same command again to resume."
            ) from None
        self._print(report, options["dry_run"])
        if importer.refused_media:
            raise CommandError(
                f"{len(importer.refused_media)} media URLs lie outside --media-base-url {media.base_url} "
                "and were not fetched (listed above); everything else was imported."
            )

    @staticmethod
    def _media(options: dict[str, Any]) -> MediaSource:
        if options["media_dir"]:
            directory = Path(options["media_dir"])
            if not directory.is_dir():
                raise CommandError(f"--media-dir {directory} is not a folder.")
            return MediaSource(directory=directory)
        base = (options["media_base_url"] or "").strip()
        if base and not base.startswith(("http://", "https://")):
            raise CommandError(f"--media-base-url must start with http:// or https://, not “{base}”.")
        return MediaSource(base_url=base)

    def _print(self, report: Report, dry_run: bool) -> None:
        self.stdout.write("Dry run: nothing was written. It would have made:" if dry_run else "Imported:")
        for kind, count in sorted(report.counts.items()):
            self.stdout.write(f"  {kind}: {count}")
        if report.notes:
            self.stdout.write(f"Skipped or changed ({len(report.notes)}):")
            for note in report.notes:
                self.stdout.write(f"  {note}")
