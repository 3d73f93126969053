"""What a negation denies, everyday words that are no concept, and a place's name in a sentence."""

import pytest

from ookbalans.search.concepts import shared_index
from ookbalans.search.engine import understood
from ookbalans.search.language import key
from ookbalans.search.understanding import _denies, _verb_form, dutch_places
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def codes(query):
    analysis = understood(query, coalition().pk)
    carrying = {code for need in analysis.needs if not need.situation for code in need.codes}
    every = {code for need in analysis.needs for code in need.codes}
    return carrying, every, analysis


def test_niet_denies_a_state_but_not_a_verb_nor_what_is_still_awaited():
    assert _denies(["ik", "ben", "niet"], "zwanger") and _denies(["hij", "is", "niet"], "getrouwd")
    assert not _denies(["hij", "is", "nog", "niet"], "zindelijk")  # not yet: awaited, a need
    assert not _denies(["ze", "kan", "niet"], "poepen") and not _denies(["wil", "niet"], "slapen")
    assert not _denies(["ik", "heb", "geen"], "kinderopvang")  # 'geen' says what is missing
    assert not _denies(["wil", "niet", "op", "het"], "potje")  # a word between: not right after 'niet'
    assert _verb_form("slapen") and _verb_form("poepen") and _verb_form("slaapt")
    assert not _verb_form("getrouwd") and not _verb_form("gescheiden") and not _verb_form("zwanger")


def test_a_negated_state_names_nothing_and_a_negated_need_stays(demo):
    _carrying, every, analysis = codes("ik ben niet zwanger")
    assert "zwangerschap" not in every
    _carrying, every, analysis = codes("mijn kind is niet ziek")
    assert "gezondheid_kind" not in every and "ziek" in analysis.negated
    assert "zindelijkheid" in codes("hij is nog niet zindelijk")[0]
    assert "kinderopvang" in codes("ik heb geen kinderopvang")[0]
    assert "zindelijkheid" in codes("kindje wil niet op het potje")[0]


def test_everyday_niet_goed_names_no_concept_of_its_own(demo):
    # 'het niet goed doen' (self-confidence) is an idiom now: 'drinkt niet goed' is about feeding
    carrying, every, _analysis = codes("mijn baby drinkt niet goed")
    assert "zelfvertrouwen_ouder" not in every and "borstvoedingsproblemen" in carrying
    index = shared_index()
    assert ("~", "goed") not in index.phrases
    assert ("het", "niet", "goed", "doen") in index.idioms


def test_a_common_word_that_only_shares_a_key_is_not_the_thesaurus_word():
    index = shared_index()
    assert key("per") == key("persen") and not index.names("per", key("per"))  # 'persen': pushing in labour
    assert not index.names("geweldig", key("geweldig")) and not index.names("beschikbaar", key("beschikbaar"))
    assert index.names("groeit", key("groeit")) and index.names("slaapt", key("slaapt"))
    assert index.names("persen", key("persen"))


def test_everyday_words_of_a_phrase_must_stand_together(demo):
    # 'kind' and 'ziek' far apart, across 'maar', are no phrase of illness
    _carrying, every, _analysis = codes("Mijn kind is vandaag niet naar school maar hij is wel ziek geweest")
    index = shared_index()
    assert ("twee", "kind") in index.everyday
    keys = [("twee",), ("auto",), ("fiets",), ("huis",), ("kind",)]
    assert not any(match.phrase == ("twee", "kind") for match in index.find(keys, anywhere=True))
    assert any(
        match.phrase == ("twee", "kind") for match in index.find([("twee",), ("kind",)], anywhere=True)
    )


def test_a_missing_thing_named_with_its_negation_is_a_need(demo):
    carrying, _every, _analysis = codes("geen geld maar wel een baby op komst")
    assert "geldzorgen" in carrying
    carrying, _every, _analysis = codes("We wonen bij mijn schoonmoeder op zolder en vinden geen huis.")
    assert "dakloosheid" in carrying


def test_a_degree_word_may_stand_inside_a_negation_phrase(demo):
    carrying, every, _analysis = codes("Ik spreek nog niet goed Nederlands")
    assert "nederlands_leren" in carrying and "taalontwikkeling" not in every


def test_a_place_after_in_or_naar_is_where_the_parent_lives(demo):
    assert {"ermelo", "tiel", "lochem"} <= dutch_places()
    analysis = understood("ik ben net verhuisd naar Ermelo en ken hier niemand", coalition().pk)
    place = [need for need in analysis.needs if need.words == ("ermelo",)]
    assert place and place[0].situation
    carrying = {code for need in analysis.needs if not need.situation for code in need.codes}
    assert "eenzaamheid" in carrying
    # a place word the thesaurus uses stays a word of its phrases ('net in Nederland')
    assert "migratie" in codes("Wij zijn net naar Nederland gekomen")[0]


def test_a_phrase_that_loses_its_verb_to_the_stop_list_stays_an_idiom_of_its_concept(demo):
    # 'zwanger worden' (wish for a child) reduced to 'zwanger' would be pregnancy's word
    index = shared_index()
    assert "kinderwens" in index.idioms[("zwanger", "worden")]
    assert ("na", "de", "bevalling") not in index.idioms  # no verb lost: stays pregnancy's words
    carrying, _every, _analysis = codes("waar krijg ik advies over gezond zwanger worden?")
    assert "kinderwens" in carrying


def test_a_babys_word_said_of_the_parent_names_the_parents_concept(demo):
    carrying, every, _analysis = codes("ik huil de hele dag")
    assert "somberheid" in carrying and "huilen" not in every
    carrying, every, _analysis = codes("Mijn vrouw huilt de hele dag sinds de geboorte")
    assert "somberheid" in carrying and "huilen" not in every
    assert "slapeloosheid" in codes("Ik slaap slecht en pieker de hele tijd")[0]
    carrying, every, _analysis = codes("mijn baby huilt de hele dag")
    assert "huilen" in carrying and "somberheid" not in every
