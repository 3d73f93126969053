"""Which words of a sentence carry the need: judgement questions, a parent's age, verbs of the situation."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search.engine import search, understood
from ookbalans.search.understanding import _finite_verb, _question_frames
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def codes(query):
    analysis = understood(query, coalition().pk)
    carrying = {code for need in analysis.needs if not need.situation for code in need.codes}
    return carrying, analysis


def test_judgement_questions_are_found_among_the_words():
    words = ["moet", "ik", "me", "zorgen", "maken", "als", "ze", "amper", "drinkt", "is", "dat", "normaal"]
    assert [words[p] for p in _question_frames(words)] == [
        "moet", "ik", "me", "zorgen", "maken", "is", "dat", "normaal"
    ]  # fmt: skip
    words = ["hoef", "ik", "me", "daar", "nu", "zorgen", "over", "te", "maken"]
    assert len(_question_frames(words)) == len(words)
    assert _question_frames(["ik", "maak", "me", "zorgen", "over", "mijn", "geld"]) == []


def test_a_judgement_question_names_no_anxiety(demo):
    carrying, _analysis = codes("Moet ik me zorgen maken als ze na 3 dagen nog amper drinkt aan de borst?")
    assert "borstvoeding" in carrying and "angst" not in carrying
    carrying, analysis = codes("Moet ik me zorgen maken?")
    assert not analysis.needs  # nothing asked but a judgement: the contact point answers


def test_worry_said_as_a_statement_is_still_anxiety(demo):
    carrying, _analysis = codes("ik maak me de hele dag zorgen")
    assert "angst" in carrying
    assert "angst" in codes("Sinds de bevalling maak ik me zorgen")[0]
    words = ["soms", "is", "het", "erg", "zwaar"]
    assert _question_frames(words) == []
    words = ["is", "het", "normaal", "dat", "hij", "zo", "spuugt"]
    assert _question_frames(words) == [0, 1, 2]
    words = ["maak", "ik", "me", "onnodig", "zorgen", "hij", "spuugt"]
    assert _question_frames(words, [0, 0, 0, 0, 0, 1, 1]) == [0, 1, 2, 3, 4]


def test_a_young_age_of_the_parent_names_young_parents(demo):
    assert "tienerouders" in codes("Hoi, ik ben 17 en net erachter gekomen dat ik zwanger ben")[0]
    assert "tienerouders" in codes("ik ben pas 19 en heb een baby")[0]
    assert "tienerouders" not in codes("ik ben 36 weken zwanger")[0]
    assert "tienerouders" not in codes("ik ben 20 weken zwanger")[0]
    assert "tienerouders" not in codes("mijn zoon is 17 en ik ben moe")[0]
    assert "tienerouders" not in codes("ik ben 34 en zwanger")[0]


def test_a_finite_verb_is_told_from_a_noun():
    assert _finite_verb(("afkomt",)) and _finite_verb(("controleert",))
    assert not _finite_verb(("paspoort",)) and not _finite_verb(("babyfoon",))
    assert not _finite_verb(("masseren",)) and not _finite_verb(("twee", "kinderen"))


def test_a_verb_of_the_situation_no_service_holds_does_not_carry_the_sentence(demo):
    query = "Mijn vriendin is zwanger en ik word vader, maar ik heb geen idee wat er op me afkomt"
    _carrying, analysis = codes(query)
    aside = {word for need in analysis.needs if need.situation for word in need.words}
    assert "afkomt" in aside
    assert any(not need.situation and "vaders" in need.codes for need in analysis.needs)


def test_a_sentence_whose_needs_were_all_set_aside_still_asks_them(demo):
    query = "Mijn man slaat mij niet, maar hij controleert alles wat ik doe en ik mag niemand zien"
    _carrying, analysis = codes(query)
    assert analysis.needs and any(not need.situation for need in analysis.needs)
    search(query, Service.objects.all(), coalition=coalition())  # no division by zero


def test_beside_who_or_when_a_noun_no_service_holds_is_what_she_asks(demo):
    # No demo service offers passports: 'mijn baby' must not make every baby service fit.
    query = "Hoe vraag ik een paspoort aan voor mijn baby, we gaan in de zomer op vakantie"
    _carrying, analysis = codes(query)
    asked = {word for need in analysis.needs if not need.situation for word in need.words}
    assert "paspoort" in asked
    assert search(query, Service.objects.all(), coalition=coalition()).hits == []


def test_who_or_when_beside_a_need_still_finds_it(demo):
    # 'mijn baby' does not carry the sentence, the weaning words do.
    outcome = search(
        "Mijn baby is 5 maanden, wanneer mag ze beginnen met groente en fruit?",
        Service.objects.all(),
        coalition=coalition(),
    )
    assert outcome.hits
