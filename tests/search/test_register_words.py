"""Parents' register: a compound of the thesaurus written with an informal, Flemish or older part."""

import pytest

from ookbalans.catalogue.models import Coalition
from ookbalans.search.concepts import ConceptIndex, register_variants
from ookbalans.search.engine import understood

pytestmark = pytest.mark.django_db


def codes(query):
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    return {code for need in understood(query, coalition.pk).needs for code in need.codes}


def test_a_part_is_swapped_for_the_same_thing_in_another_register():
    assert "tienermama" in register_variants("tienermoeder")
    assert "wijkverpleegster" in register_variants("wijkzuster")
    assert "moederclubje" in register_variants("moedergroep")
    assert "kinderdokter" in register_variants("kinderarts")


def test_a_variant_that_is_a_word_of_its_own_is_left_out():
    # 'papadag' is a parent's day off; 'vaderdag' is Father's Day.
    assert "vaderdag" not in register_variants("papadag")
    assert "moederdag" not in register_variants("mamadag")


def test_only_a_whole_part_at_either_end_is_swapped():
    assert register_variants("start") == []  # not 'st' + 'arts'
    assert register_variants("moeder") == []


def test_a_variant_never_takes_a_word_another_concept_claims():
    records = [
        {"code": "tieners", "label": "tienermoeder", "words": [("nl", "tienermoeder")]},
        {"code": "other", "label": "tienermama", "words": [("nl", "tienermama")]},
    ]
    index = ConceptIndex(records)
    assert index.phrases[("tienermama",)] == {"other"}


def test_parents_compounds_in_their_own_register_find_the_concept(demo):
    assert "tienerouders" in codes("tienermama")
    assert "jgz" in codes("wijkverpleegster")
    assert "andere_ouders_ontmoeten" in codes("moederclubje")


def test_a_common_word_shares_no_key_with_a_thesaurus_word(demo):
    # 'versjes' (nursery rhymes) had the key of 'verder'; 'gevallen' (first aid) that of 'valt'.
    assert not codes("ik weet niet hoe ik verder moet")
    assert "eerste_hulp" not in codes("het valt me zwaar")


def test_the_old_names_of_youth_health_care_rank_the_clinic_before_the_family_centre():
    # The CJG is a narrower concept of youth health care: 'kruiswerk' asks for the clinic itself.
    from ookbalans.search.concepts import shared_index

    index = shared_index()
    assert "cjg" in index.narrower["jgz"]
    assert index.phrases[("cjg",)] == {"cjg"}


def test_everyday_words_of_the_sixth_session_find_their_concepts(demo):
    assert "huilen" in codes("koliek")
    assert "huilen" in codes("huiluurtjes")
    assert "huiselijk_geweld" in codes("mijn vriend wordt handtastelijk")
    assert "energierekening" in codes("stroom afgesloten")
    assert "slapen" in codes("sleeptraining")
