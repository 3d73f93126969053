"""The building blocks of edition 1: the statements per vision section and the contact principles."""

import pytest

from ookbalans.framework.models import ContactPrinciple, Edition, Statement
from ookbalans.framework.reference import load_edition

# Bullets per section in the vision document (seed/ook-in-balans-visiestuk.txt), counted by hand.
STATEMENTS_PER_SECTION = {
    "ouderschap": 4,
    "kind": 2,
    "ook": 2,
    "opvoeden": 5,
    "samenleving": 3,
    "professionals": 7,
    "overheid": 7,
    "uitgangspunten": 5,
    "begeleiding": 9,
}

pytestmark = pytest.mark.django_db


def test_edition_one_is_loaded_by_the_migrations():
    edition = Edition.objects.get(code="1")
    assert "OOK in Balans" in edition.title
    assert "Pharos" in edition.publisher


@pytest.mark.parametrize(("section", "count"), sorted(STATEMENTS_PER_SECTION.items()))
def test_number_of_statements_per_section_matches_the_document(section, count):
    assert Statement.objects.filter(edition__code="1", section=section).count() == count


def test_all_statements_and_nothing_else():
    assert Statement.objects.filter(edition__code="1").count() == sum(STATEMENTS_PER_SECTION.values()) == 44


def test_statements_keep_the_documents_wording_without_line_break_hyphens():
    first = Statement.objects.get(edition__code="1", section="ouderschap", number=1)
    assert first.text.startswith("Ouders zijn eerst verantwoordelijke(n) voor de opvoeding")
    assert first.code == "1/ouderschap/1"
    jgz = Statement.objects.get(edition__code="1", section="begeleiding", number=9)
    assert "bijna 100 % van alle ouders" in jgz.text
    for statement in Statement.objects.all():
        assert "- " not in statement.text.replace(" - ", "").replace("wet- ", "").replace("levens- ", "")
        assert "\n" not in statement.text
        assert statement.text[-1] in ".)!?"


def test_five_contact_principles_end_with_one_contact_point():
    principles = list(ContactPrinciple.objects.filter(edition__code="1").order_by("number"))
    assert [p.code for p in principles] == [
        "niet_alleen",
        "positief_sensitief",
        "gelijkwaardig",
        "vertrouwen",
        "een_aanspreekpunt",
    ]
    assert "één duidelijk aanspreekpunt" in principles[-1].text


def test_loading_an_edition_again_duplicates_nothing():
    load_edition(Edition, Statement, ContactPrinciple, "building_blocks_edition1.json")
    assert Edition.objects.count() == 1
    assert Statement.objects.count() == 44
    assert ContactPrinciple.objects.count() == 5
