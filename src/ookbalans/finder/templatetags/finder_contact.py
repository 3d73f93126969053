"""The contact point aside of the finder's pages, rendered once per look and then taken from memory.

The aside (finder/_contact.html) shows a coalition's contact points for the page's phase and the
postcode's municipality: the same for every visitor of the coalition who chose the same, until a point
changes. Its HTML is kept per process under the points' stamp (their number and latest change, read
with the coalition on every page, the key of the cached points themselves), the phase, the
municipality, the view and the language, so a changed point gives another key: nothing is kept that the
database no longer says. Which points it shows is only worked out when the HTML is made.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ookbalans.finder.remembered import Remembered

register = template.Library()

CONTACT_TEMPLATE = "finder/_contact.html"
# Looks kept per process (coalition x points' stamp x phase x municipality x view x language), ~1 kB each.
KEPT = 5_000
_rendered = Remembered(KEPT)


@register.simple_tag(takes_context=True)
def contact_aside(context):
    """finder/_contact.html for the page's `contact` (views.ContactAside), from memory when it was made."""
    aside = context["contact"]
    points = aside.key()
    key = None if points is None else (*points, get_language(), bool(context.get("professional")))
    html = _rendered.get(key) if key is not None else None
    if html is None:
        found = context.template.engine.get_template(CONTACT_TEMPLATE)
        with context.push(**aside.context()):
            html = found.render(context)
        if key is not None:
            _rendered.keep(key, html)
    return mark_safe(html)  # noqa: S308 - Django's own rendering of the template
