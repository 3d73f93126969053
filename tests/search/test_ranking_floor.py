"""The relevance floor when only a full description names the need; hits ordered by what they cover."""

from ookbalans.search import ranking
from ookbalans.search.understanding import Need, Understanding

EMPTY = ranking.FieldKeys(())
TRAINING = Need(words=("potjestraining",), keys=("potjestrain",), codes=frozenset({"zindelijkheid"}))
SLEEP = Need(words=("slapen",), keys=("slap",), codes=frozenset({"slapen"}))
CRYING = Need(words=("huilen",), keys=("huil",), codes=frozenset({"huilen"}))


def document(**concepts) -> ranking.Document:
    """A service whose fields name these concepts (field name -> codes) and no words."""
    return ranking.Document(
        keys=dict.fromkeys(ranking.FIELD_WEIGHTS, EMPTY),
        concepts={name: frozenset(concepts.get(name, ())) for name in ranking.FIELD_WEIGHTS},
        phases=frozenset(),
    )


def shown(needs, documents) -> list[str]:
    """The documents the floor lets through, best first (ties by name)."""
    scored = ranking.rank(Understanding(needs=tuple(needs)), documents)
    ordered = sorted(scored.items(), key=lambda item: (-item[1].score, item[0]))
    return [name for name, _hit in ranking.above_floor(ordered)]


def test_a_need_named_only_in_a_full_description_comes_back_when_nothing_is_about_it():
    documents = {
        "spreekuur": document(description={"zindelijkheid"}),
        "peuteropvang": document(description={"taalontwikkeling"}),
    }
    assert shown([TRAINING], documents) == ["spreekuur"]
    hit = ranking.rank(Understanding(needs=(TRAINING,)), documents)["spreekuur"]
    assert not hit.direct and hit.fit < ranking.RELEVANCE_FLOOR and hit.cover == ranking.WHOLE


def test_a_service_about_the_need_comes_before_a_mention_in_a_full_description():
    documents = {
        "mention": document(description={"zindelijkheid"}),
        "about": document(title={"zindelijkheid"}),
    }
    assert shown([TRAINING], documents)[0] == "about"


def test_a_mention_of_part_of_the_needs_in_a_full_description_fits_nothing():
    # Nothing is about either need, and no service meets both: the contact point answers.
    documents = {"sleep": document(description={"slapen"}), "crying": document(description={"huilen"})}
    assert shown([SLEEP, CRYING], documents) == []
    # One service that names both, if only in its full description, fits.
    documents["both"] = document(description={"slapen", "huilen"})
    assert shown([SLEEP, CRYING], documents)[0] == "both"


def test_of_two_hits_of_like_strength_the_one_that_covers_more_needs_comes_first():
    documents = {
        # Both name sleep in their short description; one also names crying in its full description.
        "a_sleep_only": document(body={"slapen"}),
        "b_sleep_and_crying": document(body={"slapen"}, description={"huilen"}),
    }
    scored = ranking.rank(Understanding(needs=(SLEEP, CRYING)), documents)
    assert scored["b_sleep_and_crying"].score > scored["a_sleep_only"].score
    assert scored["b_sleep_and_crying"].cover == ranking.WHOLE
    assert scored["a_sleep_only"].cover < ranking.WHOLE


def test_coverage_never_lifts_a_full_description_above_a_name_about_the_need():
    documents = {
        "named": document(title={"slapen"}),
        "mentions_both": document(description={"slapen", "huilen"}),
    }
    scored = ranking.rank(Understanding(needs=(SLEEP, CRYING)), documents)
    assert scored["named"].score > scored["mentions_both"].score
