"""Erasing a person's traces by email address, across every app that keeps any.

Each app registers an eraser with :func:`eraser`; ``manage.py erase_email ADDRESS``
runs them all in one transaction and reports what each removed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

Eraser = Callable[[str], int]  # takes a normalised address, returns how many records it removed
_erasers: dict[str, Eraser] = {}


def eraser(name: str) -> Callable[[Eraser], Eraser]:
    """Register ``function`` as the part of erasure called ``name`` (e.g. "comments")."""

    def register(function: Eraser) -> Eraser:
        _erasers[name] = function
        return function

    return register


def normalise(address: str) -> str:
    return address.strip().lower()


def erase_email(address: str) -> dict[str, int]:
    address = normalise(address)
    with transaction.atomic():
        return {name: function(address) for name, function in sorted(_erasers.items())}
