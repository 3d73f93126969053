"""The framework's classifications: every code and label of FRAMEWORK.md sections 1-9, stored as terms."""

import pytest

from ookbalans.framework import codes
from ookbalans.framework.models import Term

EXPECTED_CODES = {
    "pyramid_level": ["basis", "informatie", "steuntje", "extra"],
    "phase": ["kinderwens", "zwangerschap", "geboorte", "baby", "dreumes", "peuter", "kind", "tiener"],
    "aim": [
        "problemen_verminderen",
        "competent_ouderschap",
        "begeleiding_steun_hulp",
        "informele_steun",
        "onderlinge_steun",
    ],
    "factor": [
        "partnerschap",
        "werk_gezin",
        "sociale_contacten",
        "financien",
        "vaardigheden",
        "eigen_jeugd",
        "verwachtingen",
        "alleenstaand",
        "temperament",
        "gezondheid_kind",
        "positie_gezin",
        "ontwikkeling",
    ],
    "upbringing_component": ["verzorging_bescherming", "structuur", "kennis_waarden"],
    "target_group": [
        "aanstaande_ouders",
        "moeders",
        "vaders",
        "partners",
        "ouders",
        "gezinnen_kwetsbaar",
        "professionals",
        "informele_steun",
    ],
    "domain": ["medisch", "sociaal", "onderwijs_opvang", "informeel"],
    "accessibility_condition": [
        "betaalbaar",
        "beschikbaar",
        "begrijpelijk",
        "passend",
        "dichtbij",
        "outreachend",
        "frequent",
        "cultuursensitief",
        "niet_stigmatiserend",
        "digitaal",
        "vaders",
    ],
    "recognition_level": [
        "niet_beoordeeld",
        "goed_beschreven",
        "goed_onderbouwd",
        "effectief_eerste",
        "effectief_goede",
        "effectief_sterke",
    ],
    "vision_section": [
        "ouderschap",
        "kind",
        "ook",
        "opvoeden",
        "samenleving",
        "professionals",
        "overheid",
        "uitgangspunten",
        "begeleiding",
    ],
}


@pytest.mark.parametrize("taxonomy", sorted(EXPECTED_CODES))
def test_every_code_of_the_framework_in_its_order(taxonomy):
    assert codes.TAXONOMIES_BY_CODE[taxonomy].codes() == EXPECTED_CODES[taxonomy]


def test_labels_are_the_dutch_words_users_see():
    assert codes.PYRAMID_LEVELS.label_for("steuntje") == "Steuntje in de rug"
    assert codes.PYRAMID_LEVELS.label_for("informatie") == "Informatie & voorlichting"
    assert codes.RECOGNITION_LEVELS.label_for("effectief_eerste") == "Effectief volgens eerste aanwijzingen"
    assert codes.VISION_SECTIONS.label_for("overheid") == "Visie op de rol van de overheid"
    assert all(term.label for taxonomy in codes.ALL_TAXONOMIES for term in taxonomy.terms)


def test_unknown_code_has_no_label():
    with pytest.raises(KeyError):
        codes.PHASES.label_for("volwassene")


@pytest.mark.django_db
def test_migrate_stores_every_term_in_order():
    for taxonomy, expected in EXPECTED_CODES.items():
        stored = list(
            Term.objects.filter(taxonomy=taxonomy).order_by("position").values_list("code", flat=True)
        )
        assert stored == expected


@pytest.mark.django_db
def test_syncing_terms_again_changes_nothing_and_repairs_a_changed_label():
    from ookbalans.framework.reference import sync_terms

    assert sync_terms(Term) == 0
    Term.objects.filter(taxonomy="phase", code="peuter").update(label="Iets anders")
    assert sync_terms(Term) == 1
    assert Term.objects.get(taxonomy="phase", code="peuter").label == "Peuter (2 tot 4 jaar)"
