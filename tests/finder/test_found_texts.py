"""A found service's texts: the parent's language when translated, else Dutch marked as untranslated."""

from django.utils import translation

from ookbalans.catalogue.models import Service
from ookbalans.finder.finding import Found


def service() -> Found:
    return Found(
        Service(
            name_nl="Papa Café",
            name_en="Dads' café",
            short_description_nl="Vaders ontmoeten elkaar.",
            short_description_en="",
        )
    )


def test_translated_texts_show_in_the_parents_language():
    with translation.override("en"):
        found = service()
        assert found.name == "Dads' café" and found.is_translated


def test_an_untranslated_text_falls_back_to_dutch():
    with translation.override("en"):
        assert service().short_description == "Vaders ontmoeten elkaar."
    with translation.override("ar"):
        found = service()
        assert found.name == "Papa Café" and not found.is_translated


def test_dutch_is_always_translated():
    with translation.override("nl"):
        found = service()
        assert found.name == "Papa Café" and found.is_translated
