from django import template
from django.utils.safestring import SafeString

from core.regions import render_region

register = template.Library()


@register.simple_tag(takes_context=True)
def region(context: template.Context, name: str) -> SafeString:
    return render_region(name, context["request"], context.get("page"))
