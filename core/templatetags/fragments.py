"""``{% fragment "name" key… %}…{% endfragment %}``: a block kept in the shared cache.

The block is rendered only when no fragment is stored for its name, its keys and the current
``content`` generation (see :mod:`core.fragments`); the keys must name everything the block
shows that a content bump would not cover, such as the page's id and live revision.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from core import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name: FilterExpression, keys: list[FilterExpression], nodelist: NodeList) -> None:
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context: template.Context) -> SafeString:
        key = [expression.resolve(context) for expression in self.keys]
        html = fragments.cached(
            context.get("request"),
            self.name.resolve(context),
            key,
            depends_on=("content",),
            render=lambda: self.nodelist.render(context),
        )
        return mark_safe(html)  # noqa: S308  the block's own output, already escaped by Django


@register.tag("fragment")
def fragment(parser: Parser, token: Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("{% fragment %} takes a name and at least one key.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
