"""One result of the finder's list, rendered once per look and then taken from memory.

A result's HTML (finder/_result.html with its facts and, for professionals, its details) is two
thirds of a results page's template time, and the same service looks the same on many pages: for
other search words with the same needs met, on the next visitor's page, in the professionals' view.
The HTML is kept per process under a key made of everything the template reads (the service's
texts and facts as this page loaded them, the needs it met, its distance as shown, the language, the
view), so a changed service gives another key and is rendered anew: nothing is kept that the
database no longer says. Only the search's own part of the service link (the query string that
brings the parent back to these results) differs per page; it is a hole filled per page, escaped
as Django escapes it.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

RESULT_TEMPLATE = "finder/_result.html"
# Looks kept per process (service x language x needs met x distance x view), about 1.5 kB each.
KEPT = 10_000
# A hole no query string contains: it is URL-encoded, and escaping leaves the hole as it is.
HOLE = "\x00detail\x00"
_rendered: dict[tuple, str] = {}


def item_key(context, item) -> tuple:
    """Everything finder/_result.html reads, as plain values: equal keys render equal HTML."""
    service = item.service
    return (
        get_language(),
        bool(context.get("professional")),
        str(context["coalition"].slug),
        bool(context.get("detail_query")),
        service.pk,
        item.name,
        item.short_description,
        item.is_translated,
        tuple((reason.text, reason.language) for reason in item.reasons),
        None if item.distance is None else str(floatformat(item.distance, 1)),
        item.is_nearby,
        tuple(item.places),
        item.is_free,
        service.home_visits,
        service.online,
        item.speaks_page_language,
        item.for_fathers,
        tuple(item.levels),
        service.recognition_level,
        tuple(item.target_groups),
        tuple(item.costs),
        service.waiting_time_weeks,
    )


@register.simple_tag(takes_context=True)
def result_item(context, item):
    """One result (finder/_result.html): rendered once per look, from memory after that."""
    key = item_key(context, item)
    html = _rendered.get(key)
    if html is None:
        found = context.template.engine.get_template(RESULT_TEMPLATE)
        stand_in = HOLE if context.get("detail_query") else ""
        with context.push(item=item, detail_query=stand_in):
            html = found.render(context)
        if len(_rendered) >= KEPT:
            _rendered.clear()
        _rendered[key] = html
    return mark_safe(html.replace(HOLE, escape(context.get("detail_query") or "")))  # noqa: S308 - Django's own rendering, the query escaped
