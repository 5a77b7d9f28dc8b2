"""Restore a backup made by ``manage.py backup`` (replaces the database and media)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup
from core.progress import ProgressBar


class Command(BaseCommand):
    help = "Restore the database and media from a backup file. Stop the site first."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("backup", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args: Any, backup: Path, yes: bool, **options: Any) -> None:
        if not yes and input(f"Replace this site's data with {backup}? [y/N] ").strip().lower() != "y":
            raise CommandError("Restore cancelled.")
        try:
            manifest = restore_backup(backup, progress=ProgressBar(self.stderr, "media files"))
        except BackupError as error:
            raise CommandError(str(error)) from error
        cache.clear()  # cached pages describe the data that was just replaced
        self.stdout.write(f"Restored the backup of {manifest['created']} ({manifest['engine']}).")
