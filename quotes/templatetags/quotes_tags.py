"""schema.org metadata for speaker pages."""

from __future__ import annotations

import json

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.sites import absolute_url
from quotes.models import Speaker

register = template.Library()
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag
def speaker_structured_data(speaker: Speaker) -> SafeString:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization" if speaker.kind == Speaker.Kind.ORGANISATION else "Person",
        "name": speaker.name,
        "url": absolute_url(speaker.get_absolute_url()),
    }
    if speaker.aliases:
        data["alternateName"] = list(speaker.aliases)
    if speaker.description:
        data["description"] = speaker.description
    if speaker.role and speaker.kind == Speaker.Kind.PERSON:
        data["jobTitle"] = speaker.role
    if speaker.affiliation and speaker.kind == Speaker.Kind.PERSON:
        data["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # Safe: with <, > and & escaped, the JSON cannot close the script element or open markup.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
