"""Back up the database and media into one file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, create_backup
from core.progress import ProgressBar


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup or pg_dump) and media into a .tar.gz."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output", type=Path, help="Where to write (default: var/backups/<time>.tar.gz)."
        )

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        output = output or Path(settings.VAR_DIR) / "backups" / f"broadsheet-{stamp}.tar.gz"
        try:
            path = create_backup(output, progress=ProgressBar(self.stderr, "media files"))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {path} ({path.stat().st_size // 1024} KiB).")
