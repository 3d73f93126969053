"""The language switch: plain links to the same page in each interface language, without JavaScript.

Its HTML is the same for every page in a language but for the page's address: it is rendered once per
language (and whether the page has a query) with a hole for the path and one for the query, kept per
process, and the page's own path and query are put in, escaped as Django escapes them.
"""

from urllib.parse import quote_plus, urlencode

from django import template
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

register = template.Library()

SWITCH_TEMPLATE = "finder/language_switch.html"
# Holes no path or query string of a page contains (a NUL in either is rendered as usual, below).
PATH_HOLE, QUERY_HOLE = "\x00path\x00", "\x00query\x00"
_rendered: dict[tuple, str] = {}


def links(path: str, query: str, current: str) -> list[dict]:
    """The switch's links: the page's query without its language, and each language's own."""
    found = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        own = query
        if code != settings.LANGUAGE_CODE:
            own = f"{query}&lang={quote_plus(code)}" if query else f"lang={quote_plus(code)}"
        found.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": path + (f"?{own}" if own else ""),
                "current": code == current,
                "bidi": info["bidi"],
            }
        )
    return found


@register.simple_tag(takes_context=True)
def language_switch(context):
    """finder/language_switch.html for this page; from memory after the first page in the language."""
    request = context.get("request")
    path = request.path if request else "/"
    query = ""
    if request:
        query = urlencode([(key, values) for key, values in request.GET.lists() if key != "lang"], doseq=True)
    current = get_language()
    found = context.template.engine.get_template(SWITCH_TEMPLATE)
    if "\x00" in path or "\x00" in query:
        return found.render(context.new({"links": links(path, query, current)}))
    key = (current, bool(query))
    html = _rendered.get(key)
    if html is None:
        stand_in = links(PATH_HOLE, QUERY_HOLE if query else "", current)
        html = _rendered[key] = found.render(context.new({"links": stand_in}))
    return mark_safe(html.replace(PATH_HOLE, escape(path)).replace(QUERY_HOLE, escape(query)))  # noqa: S308 - Django's own rendering, the address escaped
