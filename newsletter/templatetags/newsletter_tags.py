"""``{% subscribe_form "footer" %}``: the sign-up form, safe to cache (no per-reader content)."""

from __future__ import annotations

from django import template

from newsletter.models import offered_newsletters

register = template.Library()


@register.inclusion_tag("newsletter/subscribe_form.html")
def subscribe_form(place: str, form: object = None, selected: str = "", heading: str = "") -> dict:
    email = errors = None
    if form is not None and form.is_bound:
        email = form["email"].value()
        selected = form["newsletter"].value() or selected
        errors = form.errors
    return {
        "place": place,
        "newsletters": offered_newsletters.get(),
        "selected": selected,
        "email": email,
        "errors": errors or {},
        "heading": heading,
    }
