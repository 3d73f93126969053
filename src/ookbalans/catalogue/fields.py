"""Model fields that normalise what is typed before it is validated and stored."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import validators


class NormalisedCharField(models.CharField):
    """A text field that brings what is typed into one stored form; subclasses say which form."""

    default_max_length = 100

    @staticmethod
    def normalise(value):
        return value

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.default_max_length)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return self.normalise(super().to_python(value))


class PostcodeField(NormalisedCharField):
    """A Dutch postcode, stored as '1234 AB'."""

    default_validators = [validators.validate_postcode]
    description = _("Dutch postcode")
    default_max_length = 7
    normalise = staticmethod(validators.normalise_postcode)


class PhoneNumberField(NormalisedCharField):
    """A phone number, stored in the Dutch national format or the international one."""

    default_validators = [validators.validate_phone_number]
    description = _("phone number")
    default_max_length = 30
    normalise = staticmethod(validators.normalise_phone_number)


class WebAddressFormField(forms.URLField):
    """The form side of a web address: the catalogue's one check instead of Django's generic one."""

    default_validators = [validators.validate_web_address]


class WebAddressField(models.URLField):
    """A web address (http or https only); typed without a scheme it is taken to be https://."""

    default_validators = [validators.validate_web_address]

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("form_class", WebAddressFormField)
        return super().formfield(**kwargs)
