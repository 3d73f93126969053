"""The finder form's filter fields, rendered once per look and then taken from memory.

Django renders each field through its templates (label, help text, widget, one template per
option): a third of a results page's CPU time. A filter field looks the same for every visitor who
sent the same value in the same language, so its HTML is kept per (form, field, language, value,
choices). Fields with errors, and free text (the search words, a date, a postcode), are rendered
as usual.
"""

from __future__ import annotations

from django import template
from django.forms.utils import ErrorDict
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ookbalans.finder.remembered import Remembered

register = template.Library()

# Distinct looks kept per process (field x language x value); far more than the finder has.
KEPT = 5_000
_rendered = Remembered(KEPT)


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
        html = _rendered.keep(key, field.as_field_group())
    return html


# -- the whole form ---------------------------------------------------------------------------------

# The form's free-text fields: their values are holes in the remembered HTML, filled per visitor.
FREE_TEXT = ("q", "datum", "postcode")
# A hole no valid value can contain: Django's form fields refuse NUL characters (an error: the form
# is then rendered as usual), and escaping leaves it as it is.
HOLE = "\x00{}\x00"
FORM_TEMPLATE = "finder/_form.html"
# Looks of the whole form kept per process (coalition x language x filters), about 6 kB each.
FORMS_KEPT = 2_000
_forms = Remembered(FORMS_KEPT)


def _value_key(value):
    if isinstance(value, list | tuple):
        return tuple(str(item) for item in value)
    return value if value is None or isinstance(value, bool) else str(value)


def _form_key(context, form, open_filters: bool) -> tuple | None:
    """What the form's HTML depends on, free text aside; None when it has errors (rendered as usual)."""
    if form.is_bound and (form.errors or any("\x00" in value for value in form.data.values())):
        return None  # a NUL that a field let through (a checkbox's value) could fake a hole
    values = []
    for name in form.fields:
        value = form[name].value()
        values.append(bool(value) if name in FREE_TEXT else _value_key(value))
    return (
        type(form).__name__,
        str(context.get("coalition").slug),
        get_language(),
        (context.get("lang") or {}).get("lang"),
        bool(open_filters),
        bool(context.get("professional")),
        tuple(code for code, _label in form.fields["taal"].choices),
        form.is_bound,
        tuple(values),
    )


def _stand_in(form):
    """The same form with a hole for each free-text value given; rendered once for every such value."""
    if not form.is_bound:
        return form
    data = form.data.copy()
    for name in FREE_TEXT:
        if data.get(name):
            data[name] = HOLE.format(name)
    stand_in = type(form)(data)
    stand_in._errors = ErrorDict()  # as the real form: valid, nothing to say next to a field
    stand_in.cleaned_data = {}
    return stand_in


@register.simple_tag(takes_context=True)
def finder_form(context, open_filters=False):
    """The search form (finder/_form.html): rendered once per look, from memory after that.

    A form looks the same for every visitor of a coalition who chose the same filters in the same
    language; only the words, the date and the postcode differ, and those are put into the
    remembered HTML, escaped as Django escapes them. A form with errors is rendered as usual.
    """
    form = context["form"]
    key = _form_key(context, form, open_filters)
    html = _forms.get(key) if key is not None else None
    if html is None:
        template = context.template.engine.get_template(FORM_TEMPLATE)
        shown = form if key is None else _stand_in(form)
        with context.push(form=shown, open_filters=open_filters):
            html = template.render(context)
        if key is None:
            return html
        _forms.keep(key, html)
    for name in FREE_TEXT:
        if form.is_bound and (value := form.data.get(name)):
            html = html.replace(HOLE.format(name), escape(value))
    return mark_safe(html)  # noqa: S308 - Django's own rendering, with escaped values put in
