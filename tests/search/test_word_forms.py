"""Forms of a word and typos inside compounds: a verb keeps apart from a word Snowball makes of it, a
noun of an activity meets its verb, a compound meets its parts, a typo in one part is corrected."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ookbalans.search import engine
from ookbalans.search.language import key, lemma, lexicon, root, split_compound
from ookbalans.search.understanding import _compound_typo, _pieces
from tests.search.demo_region import ids, outcome, top


@pytest.mark.parametrize(
    "forms",
    [
        ("slapen", "slaapt", "sliep", "geslapen", "slapende", "slaap"),
        ("roken", "rookt", "rookte", "gerookt", "rook"),
        ("kopen", "koopt", "kocht", "gekocht"),
        ("wonen", "woont", "woonde"),
        # verbs whose short stem is no other word keep Snowball's stem
        ("spelen", "speelt", "spel"),
        ("werken", "werkt", "werk"),
    ],
)
def test_the_forms_of_a_verb_share_a_key(forms):
    assert len({key(form) for form in forms}) == 1, {form: key(form) for form in forms}


@pytest.mark.parametrize(
    ("verb", "other"), [("slapen", "slap"), ("slapende", "slappe"), ("roken", "rok"), ("kopen", "kop")]
)
def test_a_verb_does_not_meet_the_word_snowball_shortens_it_to(verb, other):
    # a sleeping baby is no floppy baby; smoking is no skirt
    assert key(verb) != key(other)


# Common Dutch words of 4 to 14 letters.
COMMON_WORDS = sorted(word for word, zipf in lexicon().items() if zipf >= 4.0 and 4 <= len(word) <= 14)


@given(st.sampled_from([word for word in COMMON_WORDS if lemma(lemma(word)) == lemma(word)]))
def test_a_word_and_its_lemma_have_one_key(word):
    # (a diminutive's lemma is its base, a lemma of a lemma may be another word: those left out)
    assert key(word) == key(lemma(word))


def test_forms_the_lexicon_lemmatises_in_a_round_share_a_lemma():
    # simplemma takes 'blazen' to 'blaas' and 'blaas' to 'blazen'
    assert len({lemma(word) for word in ("blazen", "blaas", "blies")}) == 1
    assert len({key(word) for word in ("blazen", "blaas", "blies")}) == 1


@pytest.mark.parametrize("family", [("huilerij", "huilen", "gehuil"), ("plagerij", "plagen")])
def test_a_noun_of_an_activity_shares_the_root_of_its_verb(family):
    assert len({root(word) for word in family}) == 1, {word: root(word) for word in family}


def test_a_noun_of_an_activity_is_no_compound():
    assert split_compound("huilerij") == ()  # not 'huil' + 'rij'
    assert split_compound("wachtrij") == ("wacht", "rij")


def test_a_compound_is_met_by_its_long_parts_only():
    assert _pieces("zwangerschapsbegeleiding") == ("zwangerschap", "begeleiding")
    assert _pieces("huisarts") == ()  # 'huis' and 'arts' would be met by too many texts
    assert _pieces("begeleiding") == ()


pytestmark_db = pytest.mark.django_db


def lookup():
    engine.understood("", None)
    return engine._current()[("lookup", ())]


@pytestmark_db
@pytest.mark.parametrize(
    ("typed", "meant", "parts"),
    [
        ("zwangerschapsbegelijding", "zwangerschapsbegeleiding", ("zwangerschap", "begeleiding")),
        ("peuterspeelzall", "peuterspeelzaal", ("peuter", "speel", "zaal")),
        ("huilbabyspreekuurr", "huilbabyspreekuur", ("huil", "baby", "spreekuur")),
    ],
)
def test_a_typo_in_one_part_of_a_compound_is_corrected_part_by_part(demo, typed, meant, parts):
    assert _compound_typo(typed, lookup()) == (meant, parts)


@pytestmark_db
@pytest.mark.parametrize("word", ["echtscheidingsloket", "tweelingwandelwagen", "borstvoedingsvoorlichting"])
def test_a_compound_of_known_words_is_no_typo(demo, word):
    assert _compound_typo(word, lookup()) == ("", ())


@pytestmark_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([word for word in COMMON_WORDS if len(word) >= 10]))
def test_a_common_long_word_is_never_corrected(demo, word):
    assert engine.understood(word, None).corrected == ""


@pytestmark_db
def test_a_typo_inside_a_compound_finds_what_the_compound_finds(demo):
    result = outcome("stoppenmetrokenn in de zwangerschap")
    assert result.ranked
    typed = outcome("zwangerschapscontrolles bij de verloskundige")
    assert ids("verloskundige-berkel", "verloskundige-lochem") & top(
        "zwangerschapscontrolles bij de verloskundige"
    )
    assert typed.analysis.corrected


@pytestmark_db
def test_a_sleeping_baby_is_about_sleep(demo):
    assert ids("huilspreekuur", "infobijeenkomst-huilen-slapen") & top("rustiger slapende baby")
    assert ids("huilspreekuur", "infobijeenkomst-huilen-slapen") & top("onze baby sliep slecht")


@pytestmark_db
def test_a_noun_of_an_activity_finds_its_verb(demo):
    assert ids("huilspreekuur", "infobijeenkomst-huilen-slapen") & top("de huilerij van onze zoon")
