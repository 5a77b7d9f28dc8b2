"""Remove every trace of an email address that any app keeps (comments, newsletter, …)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from core.erasure import erase_email, normalise


class Command(BaseCommand):
    help = "Erase everything stored about an email address, in every app."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("address")

    def handle(self, *args: Any, address: str, **options: Any) -> None:
        try:
            validate_email(normalise(address))
        except ValidationError as error:
            raise CommandError(f"{address!r} is not an email address.") from error
        removed = erase_email(address)
        summary = ", ".join(f"{name}: {count}" for name, count in removed.items()) or "no app keeps addresses"
        self.stdout.write(f"Erased {normalise(address)} ({summary}).")
