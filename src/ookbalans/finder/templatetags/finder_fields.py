"""The finder form's filter fields, rendered once per look and then taken from memory.

Django renders each field through its templates (label, help text, widget, one template per
option): a third of a results page's CPU time. A filter field looks the same for every visitor who
sent the same value in the same language, so its HTML is kept per (form, field, language, value,
choices). Fields with errors, and free text (the search words, a date, a postcode), are rendered
as usual.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

register = template.Library()

# Distinct looks kept per process (field x language x value); far more than the finder has.
KEPT = 5_000
_rendered: dict[tuple, str] = {}


def _key(field) -> tuple | None:
    value = field.value()
    choices = getattr(field.field, "choices", None)
    if isinstance(value, list | tuple):
        value = tuple(str(item) for item in value)
    elif choices is None and value not in (None, "", False, True):
        return None  # free text: every visitor's own (a valid choice is one of few)
    return (
        type(field.form).__name__,
        field.html_name,
        get_language(),
        value,
        tuple((str(code), str(label)) for code, label in choices) if choices is not None else None,
    )


@register.filter
def field_group(field):
    """`field.as_field_group`, from memory when this field looked the same before."""
    if field.form.is_bound and field.errors:
        return field.as_field_group()
    key = _key(field)
    if key is None:
        return field.as_field_group()
    html = _rendered.get(key)
    if html is None:
        if len(_rendered) >= KEPT:
            _rendered.clear()
        html = _rendered[key] = field.as_field_group()
    return html
