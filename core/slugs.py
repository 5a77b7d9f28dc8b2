"""Slugs for records with their own public address (speakers, stories): free and readable."""

from __future__ import annotations

from django.db.models import Model
from django.utils.text import slugify


def free_slug(model: type[Model], text: str, fallback: str) -> str:
    """``text`` as a slug no ``model`` row has yet: ``ferry-strike``, then ``ferry-strike-2``, …"""
    base = slugify(text)[:180] or fallback
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
