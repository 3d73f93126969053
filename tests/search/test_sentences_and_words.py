"""Sentences keep their phrases apart; a broader topic in the name confirmed by the text; parents words."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search import ranking
from ookbalans.search.concepts import ConceptIndex
from ookbalans.search.engine import search, understood
from ookbalans.search.understanding import Need
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def codes_of(query):
    return {code for need in understood(query, coalition().pk).needs for code in need.codes}


def test_a_phrase_is_found_within_one_sentence_only():
    index = ConceptIndex(
        [{"code": "kolven_op_werk", "label": "kolven op het werk", "words": [("nl", "kolven werk")]}]
    )
    keys = [("kolf",), ("werk",)]
    assert [m.codes for m in index.find(keys, anywhere=True, sentences=[0, 0])] == [{"kolven_op_werk"}]
    assert index.find(keys, anywhere=True, sentences=[0, 1]) == []
    # Without sentence numbers, as in a service's text, the words' distance decides as before.
    assert [m.codes for m in index.find(keys)] == [{"kolven_op_werk"}]


def test_words_of_two_sentences_of_a_query_do_not_form_one_concept(demo):
    assert "angst_kind" in codes_of("ik ben bang en de kinderen slapen slecht")
    two = codes_of("Ik ben bang. De kinderen slapen slecht.")
    assert "angst_kind" not in two
    assert {"angst", "slapen"} <= two


def test_a_decimal_comma_or_a_question_mark_inside_a_word_does_not_split():
    from ookbalans.search.understanding import _sentences

    words, numbers = _sentences("mijn zoon is 2,5 en praat weinig? hij is boos")
    assert [plain for _raw, plain in words][:3] == ["mijn", "zoon", "is"]
    assert numbers == [0] * 8 + [1] * 3


def test_a_name_about_the_broader_topic_meets_the_need_when_the_text_names_it_too():
    need = Need(
        words=("dakloos",), keys=("daklos",), codes=frozenset({"dakloosheid"}), broader=frozenset({"wonen"})
    )
    empty = ranking.FieldKeys(())

    def document(description_concepts):
        return ranking.Document(
            keys=dict.fromkeys(ranking.FIELD_WEIGHTS, empty),
            concepts={
                "title": frozenset({"wonen"}),
                "body": frozenset(),
                "labels": frozenset(),
                "description": frozenset(description_concepts),
            },
            phases=frozenset(),
        )

    confirmed = document({"dakloosheid"})
    assert ranking.field_strength(need, confirmed, "title") == ranking.CONFIRMED
    assert ranking.field_strength(need, confirmed, "description") == ranking.CONCEPT
    assert ranking.need_score(need, confirmed) >= ranking.RELEVANCE_FLOOR
    # The broader topic alone stays a weak match that fits nothing.
    alone = document(set())
    assert ranking.field_strength(need, alone, "title") == ranking.BROADER
    assert ranking.need_score(need, alone) < ranking.RELEVANCE_FLOOR


def test_registering_somewhere_is_no_need_of_its_own(demo):
    analysis = understood("Ik ben 7 weken zwanger. Bij wie moet ik me melden?", coalition().pk)
    assert all("melden" not in need.words for need in analysis.needs)
    top = [
        pk
        for pk, _score in search(
            "Ik ben 7 weken zwanger. Bij wie moet ik me melden?", Service.objects.all(), coalition=coalition()
        ).ranked
    ][:3]
    names = set(Service.objects.filter(pk__in=top).values_list("name_nl", flat=True))
    assert any("zwangerschapscontroles" in name.lower() for name in names), names


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("geen doekoe", "geldzorgen"),
        ("zere tepels", "borstvoedingsproblemen"),
        ("overstrekken", "reflux"),
        ("kinderkribbe", "kinderopvang"),
        ("het loopt uit de hand", "multiprobleem"),
        ("sterrenkind", "doodgeboorte"),
        ("potjestraining", "zindelijkheid"),
    ],
)
def test_everyday_words_name_their_concept(demo, query, code):
    assert code in codes_of(query)
