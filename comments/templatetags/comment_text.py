from django import template
from django.utils.safestring import SafeString

from comments import text

register = template.Library()


@register.filter
def comment_html(value: str) -> SafeString:
    return text.render(value)
