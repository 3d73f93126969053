"""The domain thesaurus of the first 1000 days: parents' words per concept, read from data/thesaurus.json."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ookbalans.framework import codes

THESAURUS_FILE = Path(__file__).resolve().parent / "data" / "thesaurus.json"

# Dutch first: its words are the preferred term and the parents' words (nl_words).
LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
OTHER_LANGUAGES = LANGUAGES[1:]

# The keys of a concept's "framework" pointers, and the classification each one points into.
FRAMEWORK_TAXONOMIES = {
    "phases": codes.PHASES,
    "factors": codes.FACTORS,
    "aims": codes.AIMS,
    "target_groups": codes.TARGET_GROUPS,
    "levels": codes.PYRAMID_LEVELS,
}

# Languages written in a script of their own: every word is mostly in it. A Latin letter is allowed
# where the language writes one itself (Ukrainian "вітамін D"), but it may not outnumber the script.
SCRIPTS = {
    "ar": ("Arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")),
    "uk": ("Cyrillic", re.compile("[\u0400-\u04ff]")),
}
LATIN_LETTER = re.compile("[A-Za-z]")

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
CONCEPT_KEYS = {"code", "nl", "nl_words", *OTHER_LANGUAGES, "broader", "framework"}
REQUIRED_CONCEPT_KEYS = {"code", "nl", "nl_words", *OTHER_LANGUAGES}
TOP_LEVEL_KEYS = {"edition", "concepts", "shared_words"}


class ThesaurusError(ValueError):
    """The thesaurus file does not have the agreed shape; the message lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:20]
        more = f"\n... and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        super().__init__("Invalid thesaurus:\n- " + "\n- ".join(shown) + more)


@dataclass(frozen=True)
class FrameworkPointers:
    """Framework codes a concept points at: the search may use them to set a phase or boost a level."""

    phases: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    aims: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThesaurusConcept:
    """One concept: the Dutch preferred term, the words parents use for it, and its equivalents abroad."""

    code: str
    nl: str
    nl_words: tuple[str, ...]
    en: tuple[str, ...]
    ar: tuple[str, ...]
    tr: tuple[str, ...]
    pl: tuple[str, ...]
    uk: tuple[str, ...]
    broader: str | None = None
    framework: FrameworkPointers = FrameworkPointers()


@dataclass(frozen=True)
class Thesaurus:
    """A whole edition of the thesaurus, validated."""

    edition: int
    concepts: tuple[ThesaurusConcept, ...]
    shared_words: tuple[tuple[str, str], ...] = ()


def normalise(word: str) -> str:
    """The form in which two words count as the same: lower case, accents stripped, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())


def words_of(concept: ThesaurusConcept | str, languages: Iterable[str] = LANGUAGES) -> tuple[str, ...]:
    """The words of a concept (or of the concept with this code) in the given languages.

    For Dutch the preferred term comes first, then the parents' words; duplicates are left out.
    """
    if isinstance(concept, str):
        concept = _by_code_or_raise(concept)
    if isinstance(languages, str):
        languages = (languages,)
    words: list[str] = []
    for language in languages:
        if language == "nl":
            words.append(concept.nl)
            words.extend(concept.nl_words)
        elif language in OTHER_LANGUAGES:
            words.extend(getattr(concept, language))
        else:
            raise ValueError(f"Unknown thesaurus language {language!r}; expected one of {LANGUAGES}")
    seen: set[str] = set()
    unique = []
    for word in words:
        if word not in seen:
            seen.add(word)
            unique.append(word)
    return tuple(unique)


def _check_word_list(where: str, value, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        problems.append(f"{where} must be a non-empty list of words")
        return ()
    words = []
    for word in value:
        if not isinstance(word, str) or not word.strip():
            problems.append(f"{where} holds an empty or non-text entry: {word!r}")
            continue
        words.append(word.strip())
    seen: set[str] = set()
    for word in words:
        if normalise(word) in seen:
            problems.append(f"{where} lists {word!r} twice")
        seen.add(normalise(word))
    return tuple(words)


def _check_script(where: str, language: str, words: tuple[str, ...], problems: list[str]) -> None:
    if language not in SCRIPTS:
        return
    script, letters = SCRIPTS[language]
    for word in words:
        own = len(letters.findall(word))
        if own == 0 or len(LATIN_LETTER.findall(word)) >= own:
            problems.append(f"{where}: {word!r} is not written in {script} script")


def _check_framework(where: str, value, problems: list[str]) -> FrameworkPointers:
    if value is None:
        return FrameworkPointers()
    if not isinstance(value, dict):
        problems.append(f"{where}.framework must be an object")
        return FrameworkPointers()
    pointers = {}
    for key, taxonomy_codes in value.items():
        if key not in FRAMEWORK_TAXONOMIES:
            expected = sorted(FRAMEWORK_TAXONOMIES)
            problems.append(f"{where}.framework has an unknown key {key!r}; expected {expected}")
            continue
        if not isinstance(taxonomy_codes, list) or not all(isinstance(code, str) for code in taxonomy_codes):
            problems.append(f"{where}.framework.{key} must be a list of codes")
            continue
        taxonomy = FRAMEWORK_TAXONOMIES[key]
        for code in taxonomy_codes:
            if code not in taxonomy.codes():
                problems.append(f"{where}.framework.{key}: {code!r} is not a code of {taxonomy.code}")
        if len(set(taxonomy_codes)) != len(taxonomy_codes):
            problems.append(f"{where}.framework.{key} lists a code twice")
        pointers[key] = tuple(taxonomy_codes)
    return FrameworkPointers(**pointers)


def _parse_concept(position: int, raw, problems: list[str]) -> ThesaurusConcept | None:
    if not isinstance(raw, dict):
        problems.append(f"concept #{position} must be an object")
        return None
    code = raw.get("code")
    where = f"concept {code!r}" if isinstance(code, str) else f"concept #{position}"
    missing = REQUIRED_CONCEPT_KEYS - raw.keys()
    if missing:
        problems.append(f"{where} lacks {sorted(missing)}")
        return None
    unknown = raw.keys() - CONCEPT_KEYS
    if unknown:
        problems.append(f"{where} has unknown keys {sorted(unknown)}")
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        problems.append(f"{where}: the code must be snake_case ascii")
    nl = raw["nl"]
    if not isinstance(nl, str) or not nl.strip():
        problems.append(f"{where}.nl must be the Dutch preferred term")
        nl = ""
    languages = {}
    for language in ("nl_words", *OTHER_LANGUAGES):
        languages[language] = _check_word_list(f"{where}.{language}", raw[language], problems)
        _check_script(f"{where}.{language}", language, languages[language], problems)
    broader = raw.get("broader")
    if broader is not None and not isinstance(broader, str):
        problems.append(f"{where}.broader must be a concept code")
        broader = None
    return ThesaurusConcept(
        code=str(code),
        nl=nl.strip(),
        broader=broader,
        framework=_check_framework(where, raw.get("framework"), problems),
        **languages,
    )


def _check_hierarchy(concepts: tuple[ThesaurusConcept, ...], problems: list[str]) -> None:
    by_code = {concept.code: concept for concept in concepts}
    for concept in concepts:
        if concept.broader is None:
            continue
        if concept.broader not in by_code:
            problems.append(f"concept {concept.code!r}: broader {concept.broader!r} is not a concept")
            continue
        seen = {concept.code}
        step = by_code.get(concept.broader)
        while step is not None:
            if step.code in seen:
                problems.append(f"concept {concept.code!r}: its broader concepts form a cycle")
                break
            seen.add(step.code)
            step = by_code.get(step.broader) if step.broader else None


def _check_shared_words(
    concepts: tuple[ThesaurusConcept, ...], shared_words: dict, problems: list[str]
) -> tuple[tuple[str, str], ...]:
    if not isinstance(shared_words, dict):
        problems.append("shared_words must be an object of word: explanation")
        return ()
    notes = {}
    for word, why in shared_words.items():
        if not isinstance(why, str) or not why.strip():
            problems.append(f"shared word {word!r} needs an explanation")
        notes[normalise(word)] = word
    owners: dict[str, set[str]] = {}
    for concept in concepts:
        for word in words_of(concept):
            owners.setdefault(normalise(word), set()).add(concept.code)
    for word, claimants in sorted(owners.items()):
        if len(claimants) > 1 and word not in notes:
            problems.append(
                f"the word {word!r} is claimed by {sorted(claimants)}; "
                "keep it in one concept or explain it in shared_words"
            )
    for word, original in notes.items():
        if len(owners.get(word, ())) < 2:
            problems.append(f"shared word {original!r} is not claimed by two concepts; drop its note")
    return tuple(sorted((word, str(why)) for word, why in shared_words.items()))


def parse(data) -> Thesaurus:
    """Validate a decoded thesaurus file; raises ThesaurusError listing every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ThesaurusError(["the file must hold an object with edition, concepts and shared_words"])
    unknown = data.keys() - TOP_LEVEL_KEYS
    if unknown:
        problems.append(f"unknown top-level keys {sorted(unknown)}")
    edition = data.get("edition")
    if not isinstance(edition, int) or isinstance(edition, bool) or edition < 1:
        problems.append("edition must be a positive whole number")
    raw_concepts = data.get("concepts")
    if not isinstance(raw_concepts, list) or not raw_concepts:
        raise ThesaurusError([*problems, "concepts must be a non-empty list"])
    parsed = [_parse_concept(position, raw, problems) for position, raw in enumerate(raw_concepts, start=1)]
    concepts = tuple(concept for concept in parsed if concept is not None)
    seen: set[str] = set()
    for concept in concepts:
        if concept.code in seen:
            problems.append(f"concept code {concept.code!r} is used twice")
        seen.add(concept.code)
    _check_hierarchy(concepts, problems)
    shared = _check_shared_words(concepts, data.get("shared_words", {}), problems)
    if problems:
        raise ThesaurusError(problems)
    return Thesaurus(edition=edition, concepts=concepts, shared_words=shared)


def read(path: Path = THESAURUS_FILE) -> Thesaurus:
    """Read and validate a thesaurus file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ThesaurusError([f"{path} is not valid JSON: {error}"]) from error
    return parse(data)


@cache
def thesaurus() -> Thesaurus:
    """The framework's thesaurus, read once."""
    return read(THESAURUS_FILE)


def concepts() -> tuple[ThesaurusConcept, ...]:
    """Every concept of the framework's thesaurus, in file order."""
    return thesaurus().concepts


@cache
def _by_code() -> dict[str, ThesaurusConcept]:
    return {item.code: item for item in concepts()}


def _by_code_or_raise(code: str) -> ThesaurusConcept:
    try:
        return _by_code()[code]
    except KeyError:
        raise KeyError(f"No thesaurus concept {code!r}") from None


def concept(code: str) -> ThesaurusConcept:
    """The concept with this code; KeyError when there is none."""
    return _by_code_or_raise(code)


def broader_chain(item: ThesaurusConcept) -> tuple[ThesaurusConcept, ...]:
    """The concept's broader concepts, nearest first."""
    chain = []
    while item.broader:
        item = concept(item.broader)
        chain.append(item)
    return tuple(chain)


def narrower(item: ThesaurusConcept) -> tuple[ThesaurusConcept, ...]:
    """The concepts directly below this one."""
    return tuple(other for other in concepts() if other.broader == item.code)


def word_index(languages: Iterable[str] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """Normalised word -> codes of the concepts that claim it (more than one only for shared words)."""
    return _word_index(tuple(languages))


@cache
def _word_index(languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for item in concepts():
        for word in words_of(item, languages):
            codes_of_word = index.setdefault(normalise(word), [])
            if item.code not in codes_of_word:
                codes_of_word.append(item.code)
    return {word: tuple(claimants) for word, claimants in index.items()}
