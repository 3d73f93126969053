"""A verb-final idiom of the thesaurus ('een kindje willen') in a main clause, its finite verb first."""

import pytest

from ookbalans.search.engine import understood
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db


def carried(query):
    analysis = understood(query, coalition().pk)
    return {code for need in analysis.needs if not need.situation for code in need.codes}


def test_the_finite_verb_before_the_rest_of_the_idiom_names_its_concept(demo):
    assert "kinderwens" in carried("wij willen graag een kindje")
    assert "kinderwens" in carried("we willen een kindje")
    assert "vaders" in carried("ik word binnenkort vader")
    assert "werkloosheid" in carried("ik zoek werk")


def test_a_negation_or_a_far_verb_between_is_no_idiom(demo):
    assert "kinderwens" not in carried("we willen geen kindje")
    assert "kinderwens" not in carried("we willen het liefst nog eens heel graag een kindje")


def test_a_rest_without_a_content_word_stays_word_for_word(demo):
    assert "zelfstandigheid" not in carried("ik doe alles zelf en mijn man helpt nooit")
