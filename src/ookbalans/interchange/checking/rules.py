"""A field's rules as the catalogue's model defines them, read there: the admin's forms, the
management API and the importer check a value against the same definition."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


def max_length(model: type[models.Model], name: str) -> int | None:
    """The most characters the model's field holds (its forms and its database column say the same)."""
    return model._meta.get_field(name).max_length


def value_range(model: type[models.Model], name: str) -> tuple[int | None, int | None]:
    """The lowest and highest number the field's validators accept (None where they set no bound)."""
    lowest = highest = None
    for validator in model._meta.get_field(name).validators:
        if isinstance(validator, MinValueValidator):
            lowest = validator.limit_value if lowest is None else max(lowest, validator.limit_value)
        elif isinstance(validator, MaxValueValidator):
            highest = validator.limit_value if highest is None else min(highest, validator.limit_value)
    return lowest, highest
