"""``{{ comment.name|isolate }}``, ``{{ text|isolate:"lines" }}`` and ``{{ query|isolate_text }}``
(:mod:`core.bidi`): every piece of reader-supplied text shown on a page goes through one."""

from django import template
from django.utils.safestring import SafeString

from core import bidi

register = template.Library()


@register.filter
def isolate(value: object, lines: str = "") -> SafeString:
    return bidi.isolate(value, lines=lines == "lines")


@register.filter
def isolate_text(value: object) -> str:
    return bidi.isolate_text(value)
