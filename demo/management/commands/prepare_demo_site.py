"""Bring a fresh checkout to a servable demo site: migrate, load the demo, ensure the admin.

One process instead of three because each ``manage.py`` start imports Django, Wagtail and the
apps again, which costs seconds on a small machine, and `make run` waits for all of it.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load the demo newsroom (renditions left to the worker) and ensure the admin."

    def handle(self, *args: Any, **options: Any) -> None:
        # One line for the ~230 migrations instead of one each: progress, not noise.
        self.stdout.write("Database: applying migrations…")
        self.stdout.flush()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", renditions_in_worker=True, verbosity=options["verbosity"])
        call_command("ensure_admin", verbosity=options["verbosity"])
