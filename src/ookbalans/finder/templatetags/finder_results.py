"""A result of the finder's list from its kept card (finder/cards.py), with this page's own parts put in.

`{% hole name value ... %}...{% endhole %}` marks a part of finder/_result.html (or a template it
includes) that differs per page and reads only the values named: why a service matched, its distance.
Rendered as usual it is its content; in a card being kept it is left open, and `{% result_item card %}`
fills it with its content rendered for this page's values (remembered per process for the same name,
language and values, since a page's results share their reasons). The search in the service link is
filled in the same way, escaped as Django escapes it.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, Node, NodeList
from django.template.loader_tags import IncludeNode
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ookbalans.finder.cards import DETAIL_HOLE, LEAVE_HOLES, RESULT_TEMPLATE
from ookbalans.finder.remembered import Remembered

register = template.Library()

# A marker no card's text contains: its texts are escaped, and a NUL is not among them.
HOLE_MARK = "\x00hole:{}\x00"
# Filled parts remembered per process (name x language x values), a few hundred bytes each.
KEPT = 5_000
_filled = Remembered(KEPT)


class HoleNode(Node):
    def __init__(self, name: str, values: list[FilterExpression], nodelist: NodeList):
        self.name = name
        self.values = values
        self.nodelist = nodelist

    def render(self, context) -> str:
        if context.get(LEAVE_HOLES):
            return HOLE_MARK.format(self.name)
        return self.nodelist.render(context)

    def fill(self, context) -> str:
        """This part for the page's values, from memory when they were the same before."""
        key = (self.name, get_language(), *(_frozen(value.resolve(context)) for value in self.values))
        html = _filled.get(key)
        if html is None:
            html = _filled.keep(key, self.nodelist.render(context))
        return html


def _frozen(value):
    return tuple(value) if isinstance(value, list) else value


@register.tag
def hole(parser, token):
    """`{% hole name value ... %}...{% endhole %}`: a per-page part of a result card (see the module)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'hole' needs a name and the values its content reads")
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(bits[1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


_holes: dict[int, tuple[object, dict[str, HoleNode]]] = {}


def holes(engine) -> dict[str, HoleNode]:
    """The holes of the result template and of the templates it includes by name, by name."""
    result = engine.get_template(RESULT_TEMPLATE)
    known = _holes.get(id(engine))
    if known is not None and known[0] is result:
        return known[1]
    found: dict[str, HoleNode] = {}

    def walk(compiled) -> None:
        for node in compiled.nodelist.get_nodes_by_type(HoleNode):
            found[node.name] = node
        for node in compiled.nodelist.get_nodes_by_type(IncludeNode):
            name = node.template.var
            if isinstance(name, str):
                walk(engine.get_template(name))

    walk(result)
    _holes[id(engine)] = (result, found)
    return found


@register.simple_tag(takes_context=True)
def result_item(context, card):
    """One result: its card's HTML with this page's parts filled in."""
    html = card.html
    if "\x00hole:" in html:
        found = context.render_context.get(holes)  # the page's own look-up, for its 20 results
        if found is None:
            found = context.render_context[holes] = holes(context.template.engine)
        with context.push(item=card):
            for name, node in found.items():
                marker = HOLE_MARK.format(name)
                if marker in html:
                    html = html.replace(marker, node.fill(context))
    return mark_safe(html.replace(DETAIL_HOLE, escape(context.get("detail_query") or "")))  # noqa: S308 - Django's own rendering, the query escaped
