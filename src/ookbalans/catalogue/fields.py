"""Model fields that normalise what is typed before it is validated and stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import validators


class PostcodeField(models.CharField):
    """A Dutch postcode, stored as '1234 AB'."""

    default_validators = [validators.validate_postcode]
    description = _("Dutch postcode")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return validators.normalise_postcode(super().to_python(value))


class PhoneNumberField(models.CharField):
    """A phone number, stored in the Dutch national format or the international one."""

    default_validators = [validators.validate_phone_number]
    description = _("phone number")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return validators.normalise_phone_number(super().to_python(value))


class WebAddressField(models.URLField):
    """A web address; typed without a scheme it is taken to be https://."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
