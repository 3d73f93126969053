"""The framework's terms as the admin's checkboxes: one query for all six fields of a service form."""

from __future__ import annotations

from ookbalans.framework.models import Term


def terms_by_taxonomy(request) -> dict[str, list[Term]]:
    """The framework's terms per taxonomy in their order, read once per request."""
    if not hasattr(request, "_ookbalans_terms"):
        grouped = {}
        for term in Term.objects.order_by("taxonomy", "position"):
            grouped.setdefault(term.taxonomy, []).append(term)
        request._ookbalans_terms = grouped
    return request._ookbalans_terms


def with_shared_term_choices(formfield, db_field, request):
    """The form field of a term field with its boxes from terms_by_taxonomy, not a query of its own.

    Only what is shown comes from the shared list; the field's queryset still checks what is posted.
    """
    taxonomy = db_field.remote_field.limit_choices_to["taxonomy"]
    terms = terms_by_taxonomy(request).get(taxonomy, [])
    formfield.choices = [(term.pk, formfield.label_from_instance(term)) for term in terms]
    return formfield
