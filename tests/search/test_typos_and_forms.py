"""Typos by ear, words typed apart or together, and other forms of one root: parents still find the help."""

import pytest

from ookbalans.search.language import root, sound
from tests.search.demo_region import ids, outcome, top


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("kraamzorch", "kraamzorg"),
        ("eensaam", "eenzaam"),
        ("babie", "baby"),
        ("consultatsiebureau", "consultatiebureau"),
        ("sgulden", "schulden"),
        ("borstfoeding", "borstvoeding"),
        ("peutter", "peuter"),
        ("huisellijk", "huiselijk"),
        ("verloskundiche", "verloskundige"),
    ],
)
def test_a_word_misspelt_by_ear_sounds_like_the_word(typed, meant):
    assert sound(typed) == sound(meant)


@pytest.mark.parametrize(
    ("one", "other"), [("kraamzorg", "kraambed"), ("borstvoeding", "flesvoeding"), ("huilen", "huis")]
)
def test_different_words_sound_different(one, other):
    assert sound(one) != sound(other)


@pytest.mark.parametrize(
    "family",
    [
        ("voeding", "voeden"),
        ("gehuil", "huilen", "huilend"),
        ("slaap", "slapen", "slaapt", "geslapen"),
        ("scheiding", "scheiden", "gescheiden"),
        ("ruzietje", "ruzie"),
        ("somberheid", "somber"),
        ("opvoeder", "opvoeden", "opvoeding"),
        # participles and present participles the lemmatiser does not know, -ën verbs
        ("ruzie", "ruzien", "ruziende"),
        ("stress", "gestrest", "gestreste"),
        ("uitputting", "uitgeput"),
        # Romance verbs and adjectives and their nouns
        ("vaccinatie", "vaccineren", "gevaccineerd"),
        ("massage", "masseren", "gemasseerd"),
        ("adoptie", "adopteren"),
        ("depressie", "depressief", "depressieve"),
        ("allergie", "allergisch"),
        # a tendency to do the verb; a plural typed without its apostrophe
        ("huilen", "huilerig"),
        ("baby", "babys"),
    ],
)
def test_forms_and_derivations_of_one_word_share_a_root(family):
    assert len({root(word) for word in family}) == 1, {word: root(word) for word in family}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("regeling", "regen"),
        ("moeder", "moed"),
        ("gezond", "zonde"),
        ("water", "wat"),
        # common words whose derivations drifted apart in meaning
        ("organisatie", "organiseren"),
        ("positief", "positie"),
        ("actief", "actie"),
        # an insurance policy is no clinic; guilty is no debt
        ("polis", "poli"),
        ("schuldig", "schuld"),
    ],
)
def test_words_of_other_meanings_do_not_share_a_root(one, other):
    assert root(one) != root(other)


pytestmark_db = pytest.mark.django_db


@pytestmark_db
@pytest.mark.parametrize("query", ["kraam zorg", "kraam-zorg"])
def test_a_compound_typed_apart_finds_what_the_whole_word_finds(demo, query):
    assert ids("kraamzorg", "kraamzorg-intake") & top(query)


@pytestmark_db
def test_words_typed_together_with_a_small_word_are_told_apart(demo):
    result = outcome("stoppen metroken")
    assert result.analysis.corrected == "stoppen met roken"  # not 'meeroken'
    assert ids("stoppen-met-roken-zwanger") & {pk for pk, _ in result.ranked[:3]}


@pytestmark_db
def test_a_small_word_typed_together_is_split_off(demo):
    result = outcome("ikzwanger")
    assert result.analysis.corrected == "ik zwanger"
    assert [pk for pk, _ in result.ranked] == [pk for pk, _ in outcome("ik zwanger").ranked]
    assert ids("centering-zwangerschap", "verloskundige-berkel", "verloskundige-lochem") & top("ikzwanger")


@pytestmark_db
def test_an_unknown_compound_of_known_words_needs_all_its_parts(demo):
    # not every service about babies, nor the massage course: nothing here is about baby yoga
    assert outcome("babyyoga").ranked == []


@pytestmark_db
@pytest.mark.parametrize(("query", "corrected"), [("kraamzorch", "kraamzorg"), ("sgulden", "schulden")])
def test_a_word_misspelt_by_ear_is_corrected_and_said(demo, query, corrected):
    result = outcome(query)
    assert result.analysis.corrected == corrected
    assert result.ranked


@pytestmark_db
def test_a_word_that_only_starts_a_known_one_is_corrected_to_the_one_it_sounds_like(demo):
    assert outcome("ruzi met mijn vriend").analysis.corrected.startswith("ruzie")


@pytestmark_db
def test_a_form_nothing_holds_meets_the_thesaurus_word_of_its_root(demo):
    assert ids("huilspreekuur", "infobijeenkomst-huilen-slapen") & top("baby gehuil")
    assert ids("papa-cafe", "vadergesprek-online") & top("vadertje")


@pytestmark_db
def test_real_words_and_nonsense_are_left_alone(demo):
    dog = outcome("onze hond is jaloers op de baby")
    assert dog.analysis.corrected == ""
    assert outcome("xyzzy qwerty").ranked == []


@pytestmark_db
def test_a_space_left_out_between_words_that_cannot_form_a_compound_is_put_back(demo):
    # an infinitive after a noun; an inflected participle before a noun
    result = outcome("cursusopvoeden")
    assert result.analysis.corrected == "cursus opvoeden"
    assert ids("triple-p") & top("cursusopvoeden", 5)
    assert outcome("gekolfdemelk bewaren").analysis.corrected == "gekolfde melk bewaren"
    # a noun in -en is no verb: a real compound stays one need with all its parts
    assert outcome("tweelingkinderwagen").analysis.corrected == ""
    assert outcome("tweelingkinderwagen").ranked == []


@pytestmark_db
def test_a_separable_verb_split_over_a_sentence_is_one_verb(demo):
    need_words = [need.words for need in outcome("wie leest ons dochtertje voor").analysis.needs]
    assert need_words == [("voorlezen",)]
    assert ids("voorleesexpress", "peutervoorlezen-lochem", "voorlezen-eigen-taal") & top(
        "wie leest ons dochtertje voor"
    )
    # a particle that ends an idiom stays in the idiom
    assert any("uit" in need.words for need in outcome("ik moet mijn huis uit").analysis.needs)


@pytestmark_db
@pytest.mark.parametrize("query", ["ruziende ouders", "babys huilen"])
def test_a_form_the_lemmatiser_misses_is_no_unknown_word(demo, query):
    assert outcome(query).analysis.unknown == ()


@pytestmark_db
@pytest.mark.parametrize(
    ("query", "corrected"), [("hlup bij opvoeden", "hulp bij opvoeden"), ("geen gled", "geen geld")]
)
def test_two_letters_swapped_in_a_short_word_are_swapped_back(demo, query, corrected):
    assert outcome(query).analysis.corrected == corrected


@pytestmark_db
def test_a_short_typo_is_corrected_by_the_words_around_it(demo):
    result = outcome("stoppen met roen")
    assert result.analysis.corrected == "stoppen met roken"
    assert ids("stoppen-met-roken-zwanger") & top("stoppen met roen")
    assert outcome("baby hilt veel").analysis.corrected == "baby huilt veel"
    # alone nothing says which word was meant
    assert outcome("roen").analysis.corrected == ""
