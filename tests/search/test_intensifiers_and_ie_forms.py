"""Parents' register by mechanism: intensifiers before or inside a word, and diminutives in -ie."""

import pytest

from ookbalans.catalogue.models import Coalition
from ookbalans.search.engine import understood
from ookbalans.search.language import root, unintensified


def test_an_intensifying_first_part_leaves_the_word_it_strengthens():
    assert unintensified("supermoe") == "moe"
    assert unintensified("doodsbang") == "bang"
    assert unintensified("kotsmisselijk") == "misselijk"
    assert unintensified("megastress") == "stress"


def test_a_word_without_an_intensifying_part_or_with_a_filler_after_it_is_left_alone():
    assert unintensified("moe") == ""
    assert unintensified("keizersnede") == ""  # 'zersnede' is no word
    assert unintensified("doodgaan") == ""  # 'gaan' is too common to name anything


def test_an_informal_diminutive_in_ie_has_the_root_of_its_word():
    assert root("flessie") == root("fles")
    assert root("slaappie") == root("slaap")
    assert root("huilie") == root("huilen")


def test_an_ie_word_that_is_a_word_of_its_own_is_not_taken_apart():
    # 'pappie' is daddy, not porridge ('pap'); 'familie' has no 'famil'.
    assert root("pappie") != root("pap")
    assert root("familie") == "familie"


def codes(query):
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    return {code for need in understood(query, coalition.pk).needs for code in need.codes}


def words(query):
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    return [need.words for need in understood(query, coalition.pk).needs]


@pytest.mark.django_db
def test_an_intensifier_before_a_state_is_no_need_of_its_own(demo):
    assert words("hartstikke moe") == [("moe",)]
    assert words("vreselijk eenzaam") == [("eenzaam",)]
    assert "vermoeidheid_ouder" in codes("echt super moe")


@pytest.mark.django_db
def test_a_compound_with_an_intensifying_part_finds_the_concept_of_its_word(demo):
    assert "vermoeidheid_ouder" in codes("hondsmoe")
    assert "borstvoedingsproblemen" in codes("borsten keihard")
    # 'doodongelukkig' is unhappiness, not grief
    assert codes("doodongelukkig") == {"somberheid"}


@pytest.mark.django_db
def test_a_word_of_the_thesaurus_keeps_its_intensifying_part(demo):
    assert "doodgeboorte" in codes("doodgeboren")


@pytest.mark.django_db
def test_an_informal_diminutive_finds_the_concept_of_its_word(demo):
    assert "flesvoeding" in codes("flessie")
    assert "slapen" in codes("slaappie")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, code",
    [
        ("kleine beurs", "geldzorgen"),  # a euphemism
        ("zwangerschapsturnen", "zwangerschapscursus"),  # Flemish
        ("onthaalmoeder", "kinderopvang"),  # Flemish
        ("dagmoeder", "kinderopvang"),  # an old name
        ("huursubsidie", "toeslagen"),  # the old name of the rent allowance
        ("de soos", "uitkering"),  # slang for the social services office
        ("playgroup", "peuteropvang"),  # an English loanword
        ("keizersnee", "keizersnede"),  # a spelling by ear
        ("tieten doen pijn", "borstvoedingsproblemen"),  # informal
    ],
)
def test_words_of_the_parents_register_find_their_concept(demo, query, code):
    assert code in codes(query)
