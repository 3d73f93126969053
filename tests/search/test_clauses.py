"""Clauses of a sentence: a request frame, a negated clause before 'maar', a query of several sentences."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search.engine import search, understood
from ookbalans.search.understanding import _clauses
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def names(query):
    outcome = search(query, Service.objects.all(), coalition=coalition())
    return [service.name_nl for service, _score in outcome.hits]


def needs(query):
    analysis = understood(query, coalition().pk)
    carrying = {code for need in analysis.needs if not need.situation for code in need.codes}
    situation = {code for need in analysis.needs if need.situation for code in need.codes}
    return carrying, situation


def test_a_sentence_is_cut_at_but_and_around_a_request_frame():
    words = [
        "mijn",
        "kind",
        "is",
        "niet",
        "ziek",
        "maar",
        "ik",
        "maak",
        "me",
        "wel",
        "zorgen",
        "over",
        "zijn",
        "gedrag",
    ]
    clause_of, clauses = _clauses(words, [0] * len(words))
    assert [clause_of[words.index(word)] for word in ("ziek", "maar", "zorgen", "gedrag")] == [0, 1, 2, 3]
    assert clauses[0].negated and not clauses[1].negated
    assert clauses[1].contrast and clauses[2].frame and clauses[3].asked


def test_maar_that_means_only_cuts_nothing():
    words = ["hij", "zegt", "nog", "maar", "een", "paar", "woordjes"]
    clause_of, clauses = _clauses(words, [0] * len(words))
    assert set(clause_of) == {0} and not clauses[0].contrast


def test_a_clause_starts_again_in_each_sentence():
    words = ["ik", "zoek", "hulp", "bij", "slapen", "ik", "ben", "moe"]
    clause_of, clauses = _clauses(words, [0, 0, 0, 0, 0, 1, 1, 1])
    assert clauses[clause_of[4]].asked
    assert not clauses[clause_of[7]].asked and clauses[clause_of[7]].sentence == 1


def test_worries_about_behaviour_ask_about_behaviour_not_anxiety_or_illness(demo):
    carrying, situation = needs("Mijn kind is niet ziek maar ik maak me wel zorgen over zijn gedrag.")
    assert "gedrag" in carrying
    assert "angst" in situation
    # 'niet ziek' denies the illness outright: no need at all, not even the situation's
    assert (
        "ziek"
        in understood(
            "Mijn kind is niet ziek maar ik maak me wel zorgen over zijn gedrag.", coalition().pk
        ).negated
    )
    assert not {"angst", "gezondheid_kind"} & carrying
    assert (
        "Triple P: training positief opvoeden"
        in names("Mijn kind is niet ziek maar ik maak me wel zorgen over zijn gedrag.")[:3]
    )


def test_a_negated_clause_stays_the_need_when_nothing_after_maar_carries(demo):
    # 'geen geld' is the need itself: after 'maar' only who or when follows.
    carrying, situation = needs("geen geld maar wel een baby op komst")
    assert "geldzorgen" in carrying and "geldzorgen" not in situation


def test_worry_alone_is_still_anxiety(demo):
    carrying, _situation = needs("ik maak me veel zorgen")
    assert "angst" in carrying


def test_two_sentences_fit_when_a_service_meets_what_one_asks(demo):
    found = names("Mijn man wordt boos en slaat soms. Ik ben bang, ook voor de kinderen.")
    assert "Veilig Thuis: advies bij geweld of zorgen thuis" in found[:5]


def test_a_sentence_without_a_fitting_service_still_finds_nothing(demo):
    assert names("Onze hond is jaloers op de baby. Wat kan ik doen?") == []
