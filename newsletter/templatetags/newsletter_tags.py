"""``{% subscribe_form "footer" %}``: the sign-up form, safe to cache (no per-reader content)."""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from newsletter.models import Newsletter

register = template.Library()
CACHE_KEY = "newsletter:offered"


def offered() -> list[tuple[str, str, int | None]]:
    """(slug, name, section id) of the newsletters offered; cached because every page shows them."""
    choices = cache.get(CACHE_KEY)
    if choices is None:
        choices = list(Newsletter.objects.filter(is_active=True).values_list("slug", "name", "section_id"))
        cache.set(CACHE_KEY, choices, timeout=3600)
    return choices


def _forget(**kwargs: object) -> None:
    cache.delete(CACHE_KEY)


post_save.connect(_forget, sender=Newsletter, dispatch_uid="newsletter-offered-save")
post_delete.connect(_forget, sender=Newsletter, dispatch_uid="newsletter-offered-delete")


@register.inclusion_tag("newsletter/subscribe_form.html")
def subscribe_form(place: str, form: object = None, selected: str = "", heading: str = "") -> dict:
    email = errors = None
    if form is not None and form.is_bound:
        email = form["email"].value()
        selected = form["newsletter"].value() or selected
        errors = form.errors
    return {
        "place": place,
        "newsletters": offered(),
        "selected": selected,
        "email": email,
        "errors": errors or {},
        "heading": heading,
    }
