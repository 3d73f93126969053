"""Which catalogue texts can be translated: what parents read of services and contact points (nl required)."""

from modeltranslation.translator import TranslationOptions, register

from ookbalans.catalogue.models import ContactPoint, Service, ServiceAtLocation


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("name", "short_description")
    required_languages = ("nl",)


@register(ContactPoint)
class ContactPointTranslationOptions(TranslationOptions):
    fields = ("name", "description", "how_to_reach")
    required_languages = ("nl",)


@register(ServiceAtLocation)
class ServiceAtLocationTranslationOptions(TranslationOptions):
    """The note on when a place is open ('Even weken', 'Alleen in schoolweken')."""

    fields = ("description",)
