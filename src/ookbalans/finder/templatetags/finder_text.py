"""Template helpers for texts that may be translated: whether a field has the page's language."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def in_page_language(obj, field: str) -> bool:
    """True when the object's translated field has a text in the page's language (Dutch always has)."""
    language = get_language()
    return language == "nl" or bool(getattr(obj, f"{field}_{language}", ""))
