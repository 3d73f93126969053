"""The generator of misspelt and inflected queries (benchmarks/search_variants.py): seeded, real changes."""

import random

from benchmarks import search_variants as sv

QUERY = {"id": "x1", "query": "hulp bij borstvoeding en kraamzorg", "judgments": {"s": 3}, "kind": "word"}


def test_the_same_seed_makes_the_same_queries():
    assert sv.typo_variants(QUERY, (7,)) == sv.typo_variants(QUERY, (7,))


def test_every_variant_changes_the_query_and_keeps_its_judgments():
    variants = sv.typo_variants(QUERY, (1, 2))
    assert {v["kind"] for v in variants} >= {"phonetic", "keyboard", "split", "joined", "two_edits"}
    for variant in variants:
        assert variant["query"] != QUERY["query"]
        assert variant["judgments"] == QUERY["judgments"] and variant["source"] == "x1"


def test_a_compound_is_cut_where_both_parts_are_words():
    assert ("borst", "voeding") in sv.compound_cuts("borstvoeding")
    assert sv.split("babymassage", random.Random(1)) in {"baby massage", "baby-massage"}


def test_phonetic_misspellings_are_dutch_sound_spellings():
    made = {sv.phonetic("kraamzorg", random.Random(seed)) for seed in range(40)}
    assert {"kramzorg", "kraamsorg", "craamzorg"} & made
    assert "kraamzorg" not in made


def test_inflections_are_real_forms_of_the_lemma():
    assert "voeden" in sv.inflections("voeding")
    assert {"huilend", "huilt"} <= set(sv.inflections("huilen"))
