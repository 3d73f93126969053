"""The thesaurus as a bridge between parents' and services' words: phrases in six languages -> concepts."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from ookbalans.search.language import (
    NEGATION,
    foreign_idiom,
    is_content,
    key,
    lemma,
    lexicon,
    phrase_keys,
    root,
    script,
)
from ookbalans.search.text import _data_lines, normalise, tokens

LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
# A phrase of several words is found in a service's text when its words stand at most this many
# content words apart in all (any order: 'depressie na de bevalling', 'bevalling en depressie').
WINDOW_SLACK = 2
# A phrase of everyday words only ('eerste kindje', 'mis mijn moeder', 'zorgen over geld': each at
# Zipf 5 or more) is found in a query only where its words stand this close, not anywhere in the
# sentence: apart, such words describe something else ('mijn kind is niet ziek, ik maak me zorgen').
EVERYDAY_ZIPF = 5.0
# Words of degree that may stand between a negation and the rest of its phrase in a query.
DEGREE_WORDS = ("goed", "echt", "meer", "zo", "heel", "erg", "helemaal", "genoeg", "lekker", "wel")
NEAR_SLACK = 1
# A phrase that loses all but one word to the stop list ('aan huis', 'praten met iemand') does not
# make that word name its concept when the word is this common in Dutch (Zipf): 'huis' alone is no
# home visit. Such a phrase, and one of stop words only ('helemaal op', 'ik kan niet meer'), is an
# idiom: it is found in a query only word for word.
IDIOM_ZIPF = 4.8
NEGATED_IDIOM_ZIPF = 5.9
# A query word at least this common (Zipf) that shares a one-key phrase's key must be a form of its
# thesaurus word to name its concept (`ConceptIndex.names`).
SOURCE_CHECK_ZIPF = 3.0
GENERAL_ZIPF = 5.0
# A verb-final idiom ('een kindje willen', 'huis uit moeten') in a main clause: its finite verb comes
# before the rest, at most this many words before it ('wij willen graag een kindje', 'ik moet
# misschien mijn huis uit'), with no negation between, when the rest holds a content word.
VERB_SECOND_GAP = 3
NO_VERB_SECOND = frozenset({"niet", "geen", "not", "no", "nooit", "niks", "niets"})
# A compound's other part, beside a part swapped for another register's word, is a word of at least
# this many letters (so 'start' is not 'st' + 'arts').
REGISTER_REST = 3
# A variant this common in Dutch (Zipf) is a word with a meaning of its own ('vaderdag', 'moederdag').
REGISTER_OWN_ZIPF = 2.5


@functools.cache
def register_groups() -> dict[str, tuple[str, ...]]:
    """Each word of `register_parts.txt` -> the other words of its group (moeder: mama, mams, moeke)."""
    groups: dict[str, tuple[str, ...]] = {}
    for line in _data_lines("register_parts.txt"):
        members = [part.strip() for part in line.split(",") if part.strip()]
        for member in members:
            groups[member] = groups.get(member, ()) + tuple(m for m in members if m != member)
    return groups


def register_variants(word: str) -> list[str]:
    """The compound as parents may write it with a part in another register: a normalised single
    word whose first or last part is in `register_parts.txt` (tienermoeder -> tienermama,
    moedergroep -> mamagroep, moederclubje ...). Only the part is swapped (the longest that fits
    at each end); a variant that is itself a common word of its own ('vaderdag' from 'papadag') is
    left out."""
    groups = register_groups()
    variants = []
    first = [part for part in groups if word.startswith(part) and len(word) - len(part) >= REGISTER_REST]
    last = [part for part in groups if word.endswith(part) and len(word) - len(part) >= REGISTER_REST]
    if first:
        part = max(first, key=len)
        variants.extend(other + word[len(part) :] for other in groups[part])
    if last:
        part = max(last, key=len)
        variants.extend(word[: len(word) - len(part)] + other for other in groups[part])
    return [
        variant
        for variant in dict.fromkeys(variants)
        if variant != word and variant.isalpha() and lexicon().get(variant, 0.0) < REGISTER_OWN_ZIPF
    ]


@dataclass(frozen=True)
class ConceptInfo:
    """What the search needs of a thesaurus concept."""

    code: str
    label: str
    broader: str = ""
    phases: tuple[str, ...] = ()
    # The framework factors the concept points at (a service classified with one is about it a little).
    factors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A phrase of the thesaurus found in a sequence of content words, at positions start..end."""

    codes: frozenset[str]
    positions: tuple[int, ...]
    phrase: tuple[str, ...]


def _thesaurus_records() -> list[dict]:
    """The framework's thesaurus as plain records: every word in all six languages points at its concept."""
    from ookbalans.framework import thesaurus

    return [
        {
            "code": concept.code,
            "label": concept.nl,
            "broader": concept.broader or "",
            "phases": tuple(concept.framework.phases),
            "factors": tuple(concept.framework.factors),
            "words": [
                (language, word) for language in LANGUAGES for word in thesaurus.words_of(concept, language)
            ],
        }
        for concept in thesaurus.concepts()
    ]


def _search_data_records() -> list[dict]:
    """The search app's own synonym groups and other-language lines, as concepts without a framework."""
    records = []
    for number, line in enumerate(_data_lines("synonyms.txt")):
        members = [part.strip() for part in line.split(",") if part.strip()]
        records.append({"code": f"syn_{number}", "label": members[0], "words": [("nl", m) for m in members]})
    for line in _data_lines("other_languages.txt"):
        foreign, _, dutch = line.partition("=")
        language = {"latin": "en", "cyrillic": "uk", "arabic": "ar"}[script(foreign.strip())]
        records.append(
            {
                "code": f"lang_{dutch.strip()}",
                "label": dutch.strip(),
                "words": [(language, foreign), ("nl", dutch)],
            }
        )
    return records


DEGREE_KEYS = frozenset(key(word) for word in DEGREE_WORDS)


class ConceptIndex:
    """Phrases (as sequences of word keys) -> concepts; finds them in queries and in services' texts."""

    def __init__(self, records: Iterable[dict], local_words: Iterable[tuple[str, str]] = ()):
        self.concepts: dict[str, ConceptInfo] = {}
        self.phrases: dict[tuple[str, ...], set[str]] = {}
        # The thesaurus' Dutch words, for the spelling corrector.
        self.dutch_words: set[str] = set()
        # Every Dutch word of the thesaurus and its lemma: a very common query word that shares only
        # its key with a thesaurus word ('per' with 'persen') is not that word.
        self.dutch_forms: set[str] = set()
        # A one-key phrase's Dutch words: a query word that only shares the key is another word
        # ('per' is no form of 'persen', 'geweldig' none of 'geweld', 'stellen' none of 'stelen').
        self.sources: dict[str, set[str]] = {}
        self._everyday: dict[tuple[str, ...], bool] = {}
        # The everyday words of a phrase ('kind' of 'gedrag kind'): in a query they must stand close
        # to another of its words ('mijn kind is niet ziek, maar ... zijn gedrag' is no phrase).
        self.everyday_parts: dict[tuple[str, ...], set[str]] = {}
        # The thesaurus' Dutch phrases of two or three words written as one ('huiselijkgeweld'),
        # for the spelling corrector: a phrase typed together with a typo still finds its words.
        self.joined_phrases: dict[str, str] = {}
        # Phrases that lose words to the stop list ('zwanger worden' -> zwanger) only claim a word
        # that no concept has as a word of its own.
        self._reduced: dict[tuple[str, ...], set[str]] = {}
        self._reduced_words: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        # Idioms, as their normalised words: found in a query word for word, stop words included.
        self.idioms: dict[tuple[str, ...], set[str]] = {}
        # Compounds in another register ('tienermama' for 'tienermoeder'): claim only unclaimed words.
        self._variants: dict[tuple[str, ...], set[str]] = {}
        for record in records:
            code = record["code"]
            self.concepts.setdefault(
                code,
                ConceptInfo(
                    code,
                    record["label"],
                    record.get("broader", ""),
                    tuple(record.get("phases", ())),
                    tuple(record.get("factors", ())),
                ),
            )
            for language, word in record["words"]:
                self._add(word, code, language)
        for code, word in local_words:
            if code in self.concepts:
                self._add(word, code, "nl")
        for phrase, codes in self._reduced.items():
            if phrase not in self.phrases:
                self.phrases[phrase] = codes
            else:
                # 'zwanger worden' (wish for a child) loses its verb 'worden' to the stop list and
                # 'zwanger' is pregnancy's word: found word for word, as an idiom, the phrase still
                # names its own concept ('na de bevalling' loses no verb: it stays pregnancy's word).
                for words, code in self._reduced_words.get(phrase, ()):
                    lost = [word for word in words if key(word) not in phrase]
                    if code not in self.phrases[phrase] and any(lemma(word).endswith("en") for word in lost):
                        self.idioms.setdefault(words, set()).add(code)
        for phrase, codes in self._variants.items():
            if phrase not in self.phrases:
                self.phrases[phrase] = codes
        # Phrases of everyday words only: found in a query only with their words close together.
        self.everyday = frozenset(
            phrase for phrase, everyday in self._everyday.items() if everyday and phrase in self.phrases
        )
        # Concepts of a state a parent is in (pregnant, wishing for a child): negated, they are not met.
        self.states = frozenset(code for code, info in self.concepts.items() if info.phases)
        self.narrower: dict[str, set[str]] = {}
        for info in self.concepts.values():
            if info.broader:
                self.narrower.setdefault(info.broader, set()).add(info.code)
        # Phrases by their first key, to look only at phrases that can start at a position.
        self._by_key: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            self._by_key.setdefault(phrase[0], []).append(phrase)

    def _add(self, text: str, code: str, language: str) -> None:
        if language == "nl":
            plain = normalise(text).split()
            self.dutch_words.update(word for word in plain if len(word) >= 5)
            self.dutch_forms.update(plain)
            self.dutch_forms.update(lemma(word) for word in plain)
            if 2 <= len(plain) <= 3 and all(word.isalpha() for word in plain):
                self.joined_phrases.setdefault("".join(plain), " ".join(plain))
            if len(plain) == 1:
                for variant in register_variants(plain[0]):
                    if keys := phrase_keys(variant, "nl"):
                        self._variants.setdefault(keys, set()).add(code)
                        if len(keys) == 1:
                            self.sources.setdefault(keys[0], set()).add(variant)
        phrase = phrase_keys(text, language)
        words = tuple(tokens(text))
        if language != "nl" and (idiom := foreign_idiom(text)):
            # "can't get pregnant", 'nie mam gdzie mieszkać': found word for word (`phrase_keys`)
            self.idioms.setdefault(idiom, set()).add(code)
            return
        if language == "nl" and len(phrase) == 1:
            self.sources.setdefault(phrase[0], set()).update(word for word in words if key(word) == phrase[0])
        reduced = len(phrase) == 1 and len(words) > 1
        common = reduced and max(lexicon().get(word, 0.0) for word in words if is_content(word)) >= IDIOM_ZIPF
        # 'het niet goed doen', 'niet meer willen leven': a negation beside one very common word is an
        # everyday sentence ('drinkt niet goed', 'waar moet ik niet heen'), and so is one beside a
        # common word that lost two words or more to the stop list: such a phrase is an idiom too.
        own = [part for part in phrase if part != NEGATION]
        if language == "nl" and NEGATION in phrase and len(own) == 1 and len(words) > len(phrase):
            commonness = max(
                (
                    max(lexicon().get(word, 0.0), lexicon().get(lemma(word), 0.0))
                    for word in words
                    if key(word) == own[0]
                ),
                default=0.0,
            )
            lost = len(words) - len(phrase)
            common = commonness >= NEGATED_IDIOM_ZIPF or (lost >= 2 and commonness >= GENERAL_ZIPF)
        if language == "nl" and len(words) > 1 and (not phrase or phrase == (NEGATION,) or common):
            self.idioms.setdefault(words, set()).add(code)
        if not phrase or phrase == (NEGATION,) or common:
            return
        if reduced and any(char.isdigit() for char in text):
            return  # 'groep 1' is not about groups
        (self._reduced if reduced else self.phrases).setdefault(phrase, set()).add(code)
        if reduced and language == "nl":
            self._reduced_words.setdefault(phrase, []).append((words, code))
        if language == "nl" and len(phrase) > 1 and NEGATION not in phrase:
            commonness = [
                max(lexicon().get(word, 0.0), lexicon().get(lemma(word), 0.0))
                for word in words
                if key(word) in phrase
            ]
            everyday = bool(commonness) and min(commonness) >= EVERYDAY_ZIPF
            # one Dutch wording of the phrase with a rarer word keeps it free to stand anywhere
            self._everyday[phrase] = self._everyday.get(phrase, True) and everyday
            common = {
                key(word)
                for word in words
                if key(word) in phrase
                and max(lexicon().get(word, 0.0), lexicon().get(lemma(word), 0.0)) >= EVERYDAY_ZIPF
            }
            self.everyday_parts[phrase] = self.everyday_parts.get(phrase, common) & common

    def names(self, word: str, part: str) -> bool:
        """Whether a Dutch word of a query is a form of a thesaurus word whose key it shares: the word or
        its lemma, or a word of its root ('groeit': groei); a rare word (a typo's other form) always."""
        sources = self.sources.get(part)
        if (
            not sources
            or not word.isalpha()
            or word in sources
            or lexicon().get(word, 0.0) < SOURCE_CHECK_ZIPF
        ):
            return True
        return lemma(word) in sources or any(root(word) == root(source) for source in sources)

    def find_idioms(self, words: list[str]) -> list[tuple[frozenset[str], tuple[int, ...]]]:
        """The idioms among a query's normalised words (all of them), longest first, not overlapping."""
        found, taken = [], set()
        for phrase in sorted(self.idioms, key=len, reverse=True):
            size = len(phrase)
            for start in range(len(words) - size + 1):
                span = tuple(range(start, start + size))
                if tuple(words[start : start + size]) == phrase and taken.isdisjoint(span):
                    found.append((frozenset(self.idioms[phrase]), span))
                    taken.update(span)
        for phrase in sorted(self.idioms, key=len, reverse=True):
            verb, rest = phrase[-1], phrase[:-1]
            # the rest must hold a content word: 'zelf doen' moved ('ik doe alles zelf') is no idiom
            if not (verb.endswith("en") and lemma(verb) == verb and any(is_content(word) for word in rest)):
                continue
            size = len(rest)
            for start in range(1, len(words) - size + 1):
                span = tuple(range(start, start + size))
                if tuple(words[start : start + size]) != rest or not taken.isdisjoint(span):
                    continue
                for position in range(start - 1, max(start - 2 - VERB_SECOND_GAP, -1), -1):
                    if words[position] in NO_VERB_SECOND or position in taken:
                        break
                    if lemma(words[position]) == verb:
                        found.append((frozenset(self.idioms[phrase]), (position, *span)))
                        taken.update((position, *span))
                        break
        return sorted(found, key=lambda item: item[1])

    def factors(self, codes: Iterable[str]) -> frozenset[str]:
        """The framework factors the concepts point at."""
        return frozenset(
            factor for code in codes if code in self.concepts for factor in self.concepts[code].factors
        )

    def label(self, code: str) -> str:
        return self.concepts[code].label if code in self.concepts else code

    def siblings(self, code: str) -> set[str]:
        """The other concepts under the same broader one (voedselbank: babyuitzet, kledingbank ...)."""
        info = self.concepts.get(code)
        if info is None or not info.broader:
            return set()
        return self.narrower.get(info.broader, set()) - {code}

    def related(self, code: str) -> tuple[set[str], set[str]]:
        """The concept's narrower concepts (all levels) and its broader one."""
        narrower, todo = set(), [code]
        while todo:
            for child in self.narrower.get(todo.pop(), ()):
                if child not in narrower:
                    narrower.add(child)
                    todo.append(child)
        broader = (
            {self.concepts[code].broader} if code in self.concepts and self.concepts[code].broader else set()
        )
        return narrower, broader

    def find(
        self,
        keys: list[tuple[str, ...]],
        anywhere: bool = False,
        sentences: list[int] | None = None,
        plains: list[str] | None = None,
        denied: frozenset[int] | None = None,
    ) -> list[Match]:
        """The thesaurus phrases among a sequence of word keys, longest first, not overlapping.

        In a service's text the words of a phrase must stand close together; in a query
        (`anywhere`) they may stand anywhere in the same sentence ('moe en verdrietig, net
        bevallen'; `sentences` numbers each word's sentence). A phrase with a negation ('geen
        geld') always needs its words in order, next to each other.
        """
        candidates = self.find_all(keys, anywhere, sentences, plains, denied)
        taken: set[int] = set()
        chosen: list[Match] = []
        for match in candidates:
            if taken.isdisjoint(match.positions):
                chosen.append(match)
                taken.update(match.positions)
        return sorted(chosen, key=lambda match: match.positions)

    def find_all(
        self,
        keys: list[tuple[str, ...]],
        anywhere: bool = False,
        sentences: list[int] | None = None,
        plains: list[str] | None = None,
        denied: frozenset[int] | None = None,
    ) -> list[Match]:
        """Every thesaurus phrase among the keys, overlapping ones too, longest first.

        With the words themselves (`plains`, one per key), a one-key phrase is only found for a word
        that is a form of its thesaurus word (`names`). `denied` are the positions of words a negation
        denies ('niet zwanger'): a phrase without a negation of its own that holds one names no state;
        without them, a negation before a one-key phrase denies its states.
        """
        candidates: list[Match] = []
        present = {part for alternatives in keys for part in alternatives}
        bounds = _sentence_bounds(sentences) if anywhere and sentences else None
        for position, alternatives in enumerate(keys):
            for part in alternatives:
                for phrase in self._by_key.get(part, ()):
                    if len(phrase) > 1 and not present.issuperset(phrase):
                        continue
                    if len(phrase) == 1 and plains is not None and not self.names(plains[position], part):
                        continue
                    span = bounds[sentences[position]] if bounds else None
                    near = anywhere and phrase in self.everyday
                    if found := self._place(
                        phrase,
                        keys,
                        position,
                        anywhere and not near,
                        span,
                        near,
                        self.everyday_parts.get(phrase, frozenset()),
                    ):
                        codes = frozenset(self.phrases[phrase])
                        if denied is None:
                            if len(phrase) == 1 and position and NEGATION in keys[position - 1]:
                                # 'niet zwanger' is no mention of pregnancy
                                codes -= self.states
                        elif NEGATION not in phrase and not denied.isdisjoint(found):
                            # 'niet zwanger', 'mijn kind is niet ziek'; 'kan niet slapen' is of sleep
                            codes -= self.states
                        if codes:
                            candidates.append(Match(codes, found, phrase))
        candidates.sort(key=lambda match: (-len(match.phrase), match.positions))
        return candidates

    @staticmethod
    def _place(
        phrase: tuple[str, ...],
        keys: list[tuple[str, ...]],
        position: int,
        anywhere: bool,
        span: tuple[int, int] | None = None,
        near: bool = False,
        everyday_parts: set[str] | frozenset[str] = frozenset(),
    ):
        if len(phrase) == 1:
            return (position,) if phrase[0] in keys[position] else ()
        if NEGATION in phrase:
            # in order, next to each other; after the negation a word of degree may stand between
            # ('spreek niet goed Nederlands', 'kom echt niet rond', 'drinkt niet zo goed')
            positions, at = [], position
            for part in phrase:
                while (
                    any(NEGATION in keys[placed] for placed in positions)
                    and at < len(keys)
                    and part not in keys[at]
                    and not DEGREE_KEYS.isdisjoint(keys[at])
                ):
                    at += 1
                if at >= len(keys) or part not in keys[at]:
                    return ()
                positions.append(at)
                at += 1
            return tuple(positions)
        slack = NEAR_SLACK if near else WINDOW_SLACK
        if anywhere:
            start, end = span or (0, len(keys))
        else:
            start = max(0, position - len(phrase) - slack)
            end = min(len(keys), position + len(phrase) + slack + 1)
        if near and span:
            start, end = max(start, span[0]), min(end, span[1])
        positions = [position]
        for part in phrase[1:]:
            spot = next((i for i in range(start, end) if part in keys[i] and i not in positions), None)
            if spot is None:
                return ()
            positions.append(spot)
        if anywhere and everyday_parts:
            reach = len(phrase) + NEAR_SLACK
            for part, at in zip(phrase, positions, strict=True):
                if part in everyday_parts and all(
                    abs(at - other) > reach for other in positions if other != at
                ):
                    return ()
        return tuple(sorted(positions))


def _sentence_bounds(sentences: list[int]) -> dict[int, tuple[int, int]]:
    """Per sentence number, the first and one past the last position of its words."""
    bounds: dict[int, tuple[int, int]] = {}
    for position, sentence in enumerate(sentences):
        start, _end = bounds.get(sentence, (position, position))
        bounds[sentence] = (start, position + 1)
    return bounds


@functools.cache
def base_records() -> tuple[dict, ...]:
    return tuple(_thesaurus_records() + _search_data_records())


@functools.cache
def shared_index() -> ConceptIndex:
    """The index of the thesaurus and the search's own word lists, without any coalition's local words."""
    return ConceptIndex(base_records())


def index_with_local_words(local_words: tuple[tuple[str, str], ...]) -> ConceptIndex:
    """The index plus a coalition's local words (concept code, word); the shared one when there are none."""
    if not local_words:
        return shared_index()
    return _local_index(local_words)


@functools.lru_cache(maxsize=64)
def _local_index(local_words: tuple[tuple[str, str], ...]) -> ConceptIndex:
    return ConceptIndex(base_records(), local_words)


@dataclass(frozen=True)
class Term:
    """A word shown to a parent and the language it is in (for the page's lang attribute)."""

    text: str
    language: str


@functools.cache
def _codes_by_label() -> dict[str, str]:
    from ookbalans.framework import thesaurus

    return {concept.nl: concept.code for concept in thesaurus.concepts()}


@functools.lru_cache(maxsize=4096)
def term_in(label: str, language: str) -> Term:
    """What a need's label ('somberheid na de bevalling') is in the page's language, where the
    thesaurus has it ('postnatal depression'); otherwise the Dutch label itself."""
    from ookbalans.framework import thesaurus

    code = _codes_by_label().get(label)
    if code and language in LANGUAGES and language != "nl":
        words = thesaurus.words_of(code, language)
        if words:
            return Term(words[0], language)
    return Term(label, "nl")
