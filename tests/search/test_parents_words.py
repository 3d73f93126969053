"""How parents write: idioms, old names, slang, words typed together, fillers, and who/when/what form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ookbalans.catalogue.demo import demo_id
from ookbalans.catalogue.models import Service
from ookbalans.search.concepts import shared_index, term_in
from ookbalans.search.engine import search, understood
from ookbalans.search.ranking import FieldKeys
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def codes(query):
    return {code for need in understood(query, coalition().pk).needs for code in need.codes}


def found(query):
    return [pk for pk, _score in search(query, Service.objects.all(), coalition=coalition()).ranked]


def test_idioms_of_stop_words_are_understood_word_for_word(demo):
    assert "vermoeidheid_ouder" in codes("helemaal op als moeder")
    assert "burn_out" in codes("ik kan niet meer")


def test_a_very_common_word_left_of_a_phrase_names_no_concept_on_its_own(demo):
    # 'aan huis' (a home visit) loses 'aan' to the stop list; 'huis' alone is no home visit.
    assert not codes("huis") & {"huisbezoek_jgz", "outreach"}
    assert "huisbezoek_jgz" in codes("hulp aan huis")
    assert "psychische_gezondheid" not in codes("praten")


def test_very_common_words_do_not_break_a_phrase(demo):
    assert "taalontwikkeling" in codes("mijn peuter praat nog bijna niet")


def test_two_words_typed_as_one_are_split_into_the_phrase(demo):
    assert "huiselijk_geweld" in codes("huiselijkgeweld")


def test_function_words_of_other_languages_are_no_unknown_words(demo):
    analysis = understood("курси для вагітних", coalition().pk)
    assert analysis.unknown == ()
    assert "zwangerschap" in {code for need in analysis.needs for code in need.codes}


def test_old_names_and_slang_find_todays_services(demo):
    assert demo_id("service", "consultatiebureau") in found("kruisvereniging")[:3]
    assert demo_id("service", "consultatiebureau") in found("wijkzuster")[:3]
    assert "schulden" in codes("kredietbank")
    assert "somberheid_na_bevalling" in codes("mama-blues")


def test_surrogacy_is_its_own_concept_and_finds_nothing_in_the_demo(demo):
    assert codes("surrogacy") == {"draagmoederschap"}
    assert "lhbti_ouders" not in codes("draagmoederschap")
    assert found("hoe werkt draagmoederschap in Nederland") == []


def test_who_or_what_form_alone_does_not_make_a_hit_beside_another_need(demo):
    # The demo has a baby massage course but no swimming for babies.
    assert found("cursus babyzwemmen") == []
    assert found("baby")  # alone, 'baby' is the need itself


def test_a_term_is_shown_in_the_page_language_where_the_thesaurus_has_it():
    assert term_in("somberheid na de bevalling", "en").text == "postnatal depression"
    assert term_in("somberheid na de bevalling", "uk").language == "uk"
    assert term_in("koffie", "en") == term_in("koffie", "nl")
    assert term_in("koffie", "en").language == "nl"
    assert shared_index().idioms  # the thesaurus has idioms


@given(st.lists(st.text(alphabet="abcde", min_size=1, max_size=5), max_size=12), st.text("abcde", max_size=4))
def test_field_keys_find_a_prefix_as_a_scan_would(keys, part):
    assert FieldKeys(keys).has_prefix(part) == any(word.startswith(part) for word in keys)
