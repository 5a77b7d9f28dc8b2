"""List mail whose sending was interrupted (claimed, never marked sent); resend only on request."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mail import relay
from mail.tasks import relay_after_commit


class Command(BaseCommand):
    help = (
        "List messages a crashed worker left handed to SMTP but unconfirmed. They may or may not "
        "have been delivered; --resend sends them again (a recipient may get a duplicate)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--older-than", type=int, default=300, metavar="SECONDS",
            help="Only claims at least this old (default 300: younger ones may still be in progress).",
        )  # fmt: skip
        parser.add_argument("--resend", action="store_true", help="Send the listed messages again.")

    def handle(self, *args: Any, older_than: int, resend: bool, **options: Any) -> None:
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more seconds.")
        rows = relay.in_doubt(timedelta(seconds=older_than))
        for row in rows:
            claimed = f"claimed {row.claimed_at:%Y-%m-%d %H:%M:%S}"
            self.stdout.write(
                f"{type(row).__name__} {row.pk}\t{row.recipient()}\t{row.description()}\t{claimed}"
            )
        self.stdout.write(f"{len(rows)} message(s) in doubt.")
        if resend and rows:
            count = relay.resend(rows)
            relay_after_commit()
            self.stdout.write(f"{count} message(s) queued to be sent again.")
