"""The term kept of a search that found nothing: known words only, and nothing of a search naming a person."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ookbalans.search.demand import Lexicons, current_lexicons, demand_term, unmet_searches_by_coalition
from ookbalans.search.engine import record_unmet_search
from ookbalans.search.models import UnmetSearch
from tests.factories import CoalitionFactory

DUTCH = frozenset({"slaap", "training", "tweeling", "bel", "postcode", "fatima", "jansen", "vries", "hulp"})
SMALL = Lexicons(
    thesaurus=frozenset({"tweeling", "huilbaby", "kraamzorg"}),
    indexed=frozenset({"opstapje", "inloop"}),
    is_dutch=lambda word: word in DUTCH or word == "slaaptraining",
)


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("Hulp bij SLAAPTRAINING voor mijn Tweeling", "slaaptraining tweeling"),
        ("bel me 0612345678 postcode 7201AB", "bel postcode"),
        ("Kraamzorg huilbaby", "huilbaby kraamzorg"),
        ("opstapje xqzvw", "opstapje"),  # an unknown word goes, the known stays
        ("Slaap", "slaap"),  # a phone capitalises the first word
    ],
)
def test_known_words_are_kept(query, term):
    assert demand_term(query, SMALL) == term


@pytest.mark.parametrize(
    "query",
    [
        "Fatima de Vries",
        "fatima de Vries",
        "hulp voor Fatima",
        "tweeling Jansen",
        "Kowalczyk",  # a capitalised word no lexicon knows
        "Ayşe Yılmaz kraamzorg",
    ],
)
def test_a_search_that_names_a_person_keeps_nothing(query):
    assert demand_term(query, SMALL) == ""


@given(st.text(max_size=60))
def test_a_kept_term_holds_only_known_lower_case_words_without_digits(query):
    term = demand_term(query, SMALL)
    words = term.split()
    assert len(words) <= 4 and words == sorted(set(words))
    for word in words:
        assert word == word.lower() and not any(char.isdigit() for char in word)
        assert word in SMALL.thesaurus or word in SMALL.indexed or SMALL.is_dutch(word)


@given(
    st.sampled_from(["", "hulp voor ", "tweeling "]),
    st.from_regex(r"[A-Z][a-z]{2,10}", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{2,10}", fullmatch=True),
)
def test_a_first_name_and_surname_is_never_kept(before, first, last):
    assert demand_term(f"{before}{first} {last}", SMALL) == ""
    assert demand_term(f"{before}{first} de {last}", SMALL) == ""


@given(st.text(max_size=40))
def test_the_term_is_stable(query):
    term = demand_term(query, SMALL)
    assert demand_term(term, SMALL) == term


@pytest.mark.django_db
def test_a_name_like_unmet_search_is_not_stored(client):
    coalition = CoalitionFactory()
    for query in ("Fatima de Vries", "zoek Mevrouw Jansen", "fatima de Vries 0612345678"):
        response = client.get(reverse("finder:results", args=[coalition.slug]), {"q": query})
        assert response.status_code == 200
    record_unmet_search(coalition, "Sanne Bakker")
    assert not UnmetSearch.objects.exists()
    client.get(reverse("finder:results", args=[coalition.slug]), {"q": "tweelingcursus"})
    assert list(UnmetSearch.objects.values_list("term", flat=True)) == ["tweelingcursus"]


@pytest.mark.django_db
def test_a_name_stored_before_the_rule_is_not_read_as_demand():
    coalition = CoalitionFactory()
    monday = datetime.date(2026, 11, 23)
    UnmetSearch.objects.create(coalition=coalition, term="tweeling", week=monday, count=4)
    UnmetSearch.objects.create(coalition=coalition, term="fatima de vries", week=monday, count=3)
    assert unmet_searches_by_coalition([coalition.pk], monday) == {coalition.pk: (("tweeling", 4),)}


@pytest.mark.django_db
def test_the_real_lexicons_know_the_thesaurus_and_dutch():
    lexicons = current_lexicons()
    assert demand_term("Borstvoedingscafé in het weekend", lexicons) == "borstvoedingscafe weekend"
    assert demand_term("Fatima de Vries", lexicons) == ""


# Invented names, capitalised and in lower case: first names and surnames of the parents' languages.
INVENTED_NAMES = [
    "fatima",
    "Fatima",
    "hulp voor fatima",
    "sanne",
    "daan",
    "bram jansen",
    "jansen",
    "mohammed",
    "noor",
    "emma de boer",
    "ayşe yılmaz",
    "ayse yilmaz",
    "olena",
    "oksana kowalski",
    "lotte de vries",
    "hulp bij het opvoeden van daan",
    "kraamzorg voor sophie",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", INVENTED_NAMES)
def test_a_name_in_lower_case_keeps_nothing_with_the_real_lexicons(query):
    assert demand_term(query, current_lexicons(frozenset({"jansen", "water"}))) == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("tweeling", "tweeling"),
        ("babyzwemmen", "babyzwemmen"),
        ("draagdoek", "draagdoek"),
        ("adoptie", "adoptie"),
        ("gebarentaal voor baby", "baby gebarentaal"),
        ("water", "water"),  # a name too, but a Dutch word the index holds
    ],
)
def test_words_that_are_no_names_are_still_kept(query, term):
    assert demand_term(query, current_lexicons(frozenset({"jansen", "water"}))) == term


@pytest.mark.django_db
def test_a_name_typed_in_lower_case_is_not_stored(client):
    coalition = CoalitionFactory()
    for query in ("fatima", "hulp voor daan", "oksana"):
        client.get(reverse("finder:results", args=[coalition.slug]), {"q": query})
    assert not UnmetSearch.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "term"),
    [("ahmadi", ""), ("nguyen haddad", ""), ("kraamzorg voor kovalenko", "kraamzorg"), ("nowak", "")],
)
def test_a_rare_word_of_the_frequency_list_that_no_dictionary_knows_is_not_kept(query, term):
    """Names that no list of names holds are rare words of wordfreq's list, unknown to simplemma."""
    assert demand_term(query, current_lexicons(frozenset())) == term
