"""Words of the parent's situation in a sentence (woon, vriendin, bellen) neither hide nor make a fit."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search.engine import search, understood
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db

FRAMES = (
    "{need}",
    "ik woon sinds kort hier en zoek {need}",
    "mijn vriendin zei dat ik moest bellen over {need}",
    "ik woon sinds kort hier en mijn vriendin zei dat ik moest bellen of mailen over {need}",
)


def found(query):
    return [pk for pk, _score in search(query, Service.objects.all(), coalition=coalition()).ranked]


def test_words_of_the_situation_are_marked_beside_the_need(demo):
    analysis = understood(FRAMES[3].format(need="borstvoeding"), coalition().pk)
    situation = {word for need in analysis.needs if need.situation for word in need.words}
    carrying = {word for need in analysis.needs if not need.situation for word in need.words}
    assert {"woon", "vriendin", "bellen"} <= situation
    assert "borstvoeding" in carrying


def test_a_short_query_has_no_words_of_a_situation(demo):
    assert not any(need.situation for need in understood("kraamfeest organiseren", coalition().pk).needs)
    assert not any(need.situation for need in understood("woon", coalition().pk).needs)


@pytest.mark.parametrize("need", ["borstvoeding", "schulden", "mijn baby huilt de hele dag", "somber"])
def test_the_best_result_stays_first_whatever_situation_words_surround_the_need(demo, need):
    first = found(need)[:1]
    assert first
    for frame in FRAMES[1:]:
        assert found(frame.format(need=need))[:1] == first, frame


def test_a_sentence_about_a_need_nobody_serves_still_finds_nothing(demo):
    for frame in FRAMES:
        assert found(frame.format(need="draagmoederschap")) == [], frame


def test_a_who_or_when_word_in_a_sentence_is_the_need_beside_everyday_words(demo):
    # Four services tie for 'zwanger' alone; the everyday words only reorder the fitting ones.
    alone = found("zwanger")
    assert alone
    assert found("mijn vriendin zei dat ik moest bellen over zwanger")[:4] != []
    assert set(found("mijn vriendin zei dat ik moest bellen over zwanger")[:5]) & set(alone[:4])
