"""Which catalogue texts can be translated: a service's name and short description (Dutch required)."""

from modeltranslation.translator import TranslationOptions, register

from ookbalans.catalogue.models import Service


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("name", "short_description")
    required_languages = ("nl",)
