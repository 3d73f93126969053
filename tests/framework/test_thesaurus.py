"""The domain thesaurus: every concept complete in six languages, resolvable, and no word claimed twice."""

import copy
import json
import re
from collections import defaultdict

import pytest

from ookbalans.framework import codes, thesaurus
from ookbalans.framework.thesaurus import ThesaurusError, normalise, parse, words_of

ARABIC = re.compile("[\u0600-\u06ff]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z]")
TAXONOMY_OF_POINTER = {
    "phases": codes.PHASES,
    "factors": codes.FACTORS,
    "aims": codes.AIMS,
    "target_groups": codes.TARGET_GROUPS,
    "levels": codes.PYRAMID_LEVELS,
}


@pytest.fixture(scope="module")
def raw():
    """The file as stored, decoded but not validated, so the tests do not rely on the loader alone."""
    return json.loads(thesaurus.THESAURUS_FILE.read_text(encoding="utf-8"))


def test_the_file_has_the_agreed_shape(raw):
    assert set(raw) == {"edition", "concepts", "shared_words"}
    assert raw["edition"] == 1
    for concept in raw["concepts"]:
        assert {"code", "nl", "nl_words", "en", "ar", "tr", "pl", "uk"} <= set(concept)


def test_at_least_250_concepts(raw):
    assert len(raw["concepts"]) >= 250
    assert len(thesaurus.concepts()) == len(raw["concepts"])


def test_every_concept_has_dutch_and_the_five_other_languages(raw):
    for concept in raw["concepts"]:
        assert concept["nl"].strip(), concept["code"]
        for language in ("nl_words", "en", "ar", "tr", "pl", "uk"):
            words = concept[language]
            assert words and all(isinstance(word, str) and word.strip() for word in words), (
                concept["code"],
                language,
            )


def test_codes_are_unique_snake_case_ascii(raw):
    found = [concept["code"] for concept in raw["concepts"]]
    assert len(found) == len(set(found))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", code) for code in found)


def test_every_broader_concept_resolves(raw):
    known = {concept["code"] for concept in raw["concepts"]}
    for concept in raw["concepts"]:
        if "broader" in concept:
            assert concept["broader"] in known, concept["code"]
            assert concept["broader"] != concept["code"]
    # The chain up from every concept ends, so the hierarchy has no cycle.
    for concept in thesaurus.concepts():
        chain = thesaurus.broader_chain(concept)
        assert concept not in chain


def test_framework_pointers_are_real_codes_of_the_right_classification(raw):
    for concept in raw["concepts"]:
        for key, pointed in concept.get("framework", {}).items():
            assert key in TAXONOMY_OF_POINTER, (concept["code"], key)
            assert set(pointed) <= set(TAXONOMY_OF_POINTER[key].codes()), (concept["code"], key, pointed)


def test_no_word_is_claimed_by_two_concepts_unless_explained(raw):
    owners = defaultdict(set)
    for concept in raw["concepts"]:
        words = [concept["nl"], *concept["nl_words"]]
        for language in ("en", "ar", "tr", "pl", "uk"):
            words += concept[language]
        for word in words:
            owners[normalise(word)].add(concept["code"])
    explained = {normalise(word) for word in raw["shared_words"]}
    clashes = {word: sorted(claimants) for word, claimants in owners.items() if len(claimants) > 1}
    assert set(clashes) <= explained, {word: clashes[word] for word in set(clashes) - explained}
    assert all(why.strip() for why in raw["shared_words"].values())


def test_normalise_lowercases_strips_accents_and_collapses_whitespace():
    assert normalise("  Crèche   en  Peuterspeelzaal ") == "creche en peuterspeelzaal"
    assert normalise("Suïcide") == normalise("suicide")


def test_arabic_and_ukrainian_words_are_in_their_own_script(raw):
    for concept in raw["concepts"]:
        # A Latin letter may occur where the language itself writes one ("вітамін D"), never more.
        for word in concept["ar"]:
            assert len(ARABIC.findall(word)) > len(LATIN.findall(word)), (concept["code"], word)
        for word in concept["uk"]:
            assert len(CYRILLIC.findall(word)) > len(LATIN.findall(word)), (concept["code"], word)


@pytest.mark.parametrize(
    ("word", "phase"),
    [
        ("zwanger", "zwangerschap"),
        ("pasgeboren", "geboorte"),
        ("peuter", "peuter"),
        ("kinderwens", "kinderwens"),
        ("dreumes", "dreumes"),
        ("baby", "baby"),
        ("kraamtijd", "geboorte"),
        ("bevallen", "geboorte"),
        ("in verwachting", "zwangerschap"),
        ("puber", "tiener"),
        ("schoolkind", "kind"),
    ],
)
def test_phase_words_belong_to_a_concept_that_names_the_phase(word, phase):
    claimants = thesaurus.word_index()[normalise(word)]
    assert claimants
    for code in claimants:
        assert phase in thesaurus.concept(code).framework.phases, (word, code)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("postnatale depressie", "somberheid_na_bevalling"),
        ("consultatiebureau", "jgz"),
        ("geldzorgen", "geldzorgen"),
        ("babyuitzet", "babyuitzet"),
        ("nicu", "vroeggeboorte"),
        ("huiselijk geweld", "huiselijk_geweld"),
        ("veilig thuis", "veilig_thuis"),
        ("peuterspeelzaal", "peuteropvang"),
        ("voedselbank", "voedselbank"),
    ],
)
def test_parents_words_lead_to_the_expected_concept(phrase, code):
    assert code in thesaurus.word_index()[normalise(phrase)]


def test_the_search_can_read_words_per_language():
    concept = thesaurus.concept("somberheid_na_bevalling")
    dutch = words_of(concept, ["nl"])
    assert dutch[0] == concept.nl
    assert "babyblues" in dutch
    assert "postnatal depression" in words_of(concept, ["en"])
    assert words_of("somberheid_na_bevalling", "uk") == concept.uk
    assert set(words_of(concept)) >= set(concept.ar) | set(concept.tr) | set(concept.pl)
    with pytest.raises(ValueError, match="Unknown thesaurus language"):
        words_of(concept, ["de"])
    assert thesaurus.word_index(["en"])["baby blues"] == ("somberheid_na_bevalling",)
    assert "babyblues" not in thesaurus.word_index(["en"])


def test_concept_lookup_and_hierarchy():
    feeding = thesaurus.concept("voeding")
    below = {item.code for item in thesaurus.narrower(feeding)}
    assert {"borstvoeding", "flesvoeding", "bijvoeding"} <= below
    assert thesaurus.broader_chain(thesaurus.concept("borstvoeding"))[0] == feeding
    with pytest.raises(KeyError, match="No thesaurus concept"):
        thesaurus.concept("bestaat_niet")


def test_concepts_are_cached_and_frozen():
    assert thesaurus.concepts() is thesaurus.concepts()
    with pytest.raises(AttributeError):
        thesaurus.concepts()[0].nl = "iets anders"


# The validator on small files: a good one passes, each kind of defect is reported.

GOOD = {
    "edition": 1,
    "concepts": [
        {
            "code": "voeding",
            "nl": "voeding",
            "nl_words": ["eten", "bevalling"],
            "en": ["feeding"],
            "ar": ["تغذية"],
            "tr": ["beslenme"],
            "pl": ["karmienie"],
            "uk": ["харчування"],
            "framework": {"phases": ["baby"], "levels": ["informatie"]},
        },
        {
            "code": "borstvoeding",
            "nl": "borstvoeding",
            "nl_words": ["de borst geven", "Bevalling"],
            "en": ["breastfeeding"],
            "ar": ["الرضاعة الطبيعية"],
            "tr": ["emzirme"],
            "pl": ["karmienie piersią"],
            "uk": ["грудне вигодовування"],
            "broader": "voeding",
        },
    ],
    "shared_words": {"bevalling": "a general word, on purpose in two concepts of this example"},
}


def broken(change):
    data = copy.deepcopy(GOOD)
    change(data)
    return data


def test_the_validator_accepts_a_good_file():
    result = parse(copy.deepcopy(GOOD))
    assert [item.code for item in result.concepts] == ["voeding", "borstvoeding"]
    assert result.concepts[0].framework.phases == ("baby",)
    assert result.concepts[1].broader == "voeding"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["concepts"][0].pop("uk"), "lacks"),
        (lambda d: d["concepts"][0].update(tr=[]), "non-empty list"),
        (lambda d: d["concepts"][0].update(nl=" "), "preferred term"),
        (lambda d: d["concepts"][1].update(code="voeding"), "used twice"),
        (lambda d: d["concepts"][1].update(code="Borst-Voeding"), "snake_case"),
        (lambda d: d["concepts"][1].update(broader="melk"), "is not a concept"),
        (lambda d: d["concepts"][0].update(broader="borstvoeding"), "cycle"),
        (lambda d: d["concepts"][0]["framework"].update(phases=["peuterpubertijd"]), "not a code of phase"),
        (lambda d: d["concepts"][0]["framework"].update(levels=["baby"]), "not a code of pyramid_level"),
        (lambda d: d["concepts"][0]["framework"].update(domains=["medisch"]), "unknown key"),
        (lambda d: d["concepts"][0].update(ar=["tghdhiya"]), "Arabic script"),
        (lambda d: d["concepts"][0].update(uk=["healthy food"]), "Cyrillic script"),
        (lambda d: d["concepts"][0].update(uk=["IVF treatment ЕКЗ"]), "Cyrillic script"),
        (lambda d: d["concepts"][1]["nl_words"].append("Éten"), "claimed by"),
        (lambda d: d["shared_words"].clear(), "claimed by"),
        (lambda d: d["shared_words"].update(eten="only one concept has it"), "not claimed by two"),
        (lambda d: d["concepts"][0]["nl_words"].append("ETEN "), "twice"),
        (lambda d: d["concepts"][0].update(extra="x"), "unknown keys"),
        (lambda d: d.update(edition=0), "edition"),
        (lambda d: d.update(concepts=[]), "non-empty list"),
    ],
)
def test_the_validator_rejects_a_broken_file(change, message):
    with pytest.raises(ThesaurusError, match=message):
        parse(broken(change))


def test_the_validator_reports_every_problem_at_once():
    def two_defects(data):
        data["concepts"][0]["en"] = []
        data["concepts"][1]["broader"] = "melk"

    with pytest.raises(ThesaurusError) as error:
        parse(broken(two_defects))
    assert len(error.value.problems) == 2


def test_a_file_that_is_not_json_is_rejected(tmp_path):
    path = tmp_path / "thesaurus.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ThesaurusError, match="not valid JSON"):
        thesaurus.read(path)
