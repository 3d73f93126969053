"""Queries in the other interface languages: Arabic stems, words typed without diacritics, function
words, negations and words of another language that Dutch knows too."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search import search_services
from ookbalans.search.engine import understood
from ookbalans.search.language import (
    arabic_stem,
    foreign_filler,
    foreign_idiom,
    foreign_key,
    foreign_keys,
    phrase_keys,
    rather_foreign,
    raw_words,
)
from ookbalans.search.text import normalise
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def carried(query):
    analysis = understood(query, coalition().pk)
    return {code for need in analysis.needs if not need.situation for code in need.codes}


def top(query, count=5):
    services = Service.objects.filter(coalition=coalition())
    return [service.pk for service, _score in search_services(query, services, coalition=coalition())[:count]]


def test_an_arabic_word_meets_its_forms_with_article_particle_and_pronoun():
    assert arabic_stem(normalise("الرضاعة")) == arabic_stem(normalise("رضاعة"))
    assert arabic_stem(normalise("الهولندية")) == arabic_stem(normalise("هولندي"))
    # 'for refugees' and 'refugee': the hamza's letter is no second ending
    assert foreign_key("لاجئ", "ar") in foreign_keys("للاجئين", "ar")
    # 'for my child': a one-letter particle in front is a second reading, not the only one
    assert foreign_key("طفل", "ar") in foreign_keys("لطفلي", "ar")
    assert foreign_keys("لغة", "ar") == (foreign_key("لغة", "ar"),)


def test_a_word_typed_without_its_diacritics_is_read_with_them():
    assert foreign_key("bebegim", "tr") == foreign_key("bebeğim", "tr") == foreign_key("bebek", "tr")
    assert foreign_key("ciazy", "pl") == foreign_key("ciąży", "pl") == foreign_key("ciąża", "pl")
    assert foreign_key("agliyor", "tr") == foreign_key("ağlıyor", "tr")
    assert foreign_key("polozna", "pl") == foreign_key("położna", "pl")


def test_function_and_question_words_of_other_languages_are_fillers_but_not_dutch_words():
    for word in ("where", "have", "için", "для", "jeszcze"):
        assert foreign_filler(word, normalise(word)), word
    for word in ("hulp", "over", "baby", "huis", "bebek", "вагітна"):
        assert not foreign_filler(word, normalise(word)), word


def test_a_thesaurus_phrase_loses_the_function_words_a_query_loses():
    assert phrase_keys("trying to get pregnant", "en") == phrase_keys("trying pregnant", "en")
    assert phrase_keys("antenatal care", "en") == (foreign_key("antenatal", "en"), foreign_key("care", "en"))
    # one word left, or a negation of a lost word, is an idiom: found word for word only
    assert phrase_keys("am I pregnant", "en") == ()
    assert foreign_idiom("am I pregnant") == ("am", "i", "pregnant")
    assert foreign_idiom("can't get pregnant") == ("can", "not", "get", "pregnant")
    assert foreign_idiom("antenatal care") == ()


def test_english_contractions_of_not_are_a_negation():
    assert [plain for _raw, plain in raw_words("he doesn't talk, I can't")] == [
        "he",
        "does",
        "not",
        "talk",
        "i",
        "can",
        "not",
    ]
    assert [plain for _raw, plain in raw_words("zo'n kind, 't is laat")] == [
        "zo",
        "n",
        "kind",
        "t",
        "is",
        "laat",
    ]


def test_a_word_far_more_common_in_another_language_is_not_read_as_dutch():
    assert rather_foreign("syn", "syn")
    assert rather_foreign("year", "year")
    assert not rather_foreign("huur", "huur")
    assert not rather_foreign("baby", "baby")


def test_sentences_in_other_languages_are_reduced_to_their_needs(demo):
    assert "taalontwikkeling" in carried("my toddler doesn't talk yet")
    assert "vruchtbaarheid" in carried("I can't get pregnant")
    assert "zwangerschapstest" not in carried("I'm pregnant")
    assert "huilen" in carried("bebegim cok agliyor")
    assert "nederlands_leren" in carried("أين أتعلم اللغة الهولندية؟")
    analysis = understood("mój syn jeszcze nie mówi", coalition().pk)
    assert {code for need in analysis.needs for code in need.codes} == {"taalontwikkeling"}
    assert "syn" in analysis.foreign


def test_a_query_in_another_language_finds_what_its_dutch_translation_finds(demo):
    assert set(top("polozna")) == set(top("verloskundige"))
    assert top("bebegim cok agliyor", 2) == top("baby huilt veel", 2)
