"""Query understanding: a parent's sentence reduced to its needs, its phase, its negations and its typos."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from ookbalans.catalogue.reference import read_csv
from ookbalans.search.concepts import ConceptIndex
from ookbalans.search.language import (
    COMPOUND_PART_MIN_ZIPF,
    FOREIGN,
    FOREIGN_BY_SCRIPT,
    LINKING,
    NEGATION,
    NEGATORS,
    foreign_filler,
    is_content,
    key,
    lemma,
    lexicon,
    rather_foreign,
    raw_words,
    root,
    script,
    separable_verb,
    sound,
    split_compound,
    unintensified,
    word_keys,
    written,
)
from ookbalans.search.text import MIN_PREFIX_STEM

# A word this common in Dutch that is no thesaurus word says little about the need ('praten'), and
# one still more common nothing at all ('misschien'): it is left out.
GENERIC_ZIPF = 5.0
FILLER_ZIPF = 5.5
GENERIC_CONCEPT_ZIPF = 5.3
# In a sentence with a need the thesaurus understood (or a distinctive word), a plain word at least
# this common is a word of the situation, and so is one very common word naming a concept of its own
# beside a rarer one ('woon' beside 'borstvoeding').
SITUATION_ZIPF = 3.5
SITUATION_CONCEPT_ZIPF = 5.0
# Only a sentence describes a situation: in a query of one or two needs every word was chosen
# ('kraamfeest organiseren').
SENTENCE_NEEDS = 3
# A word of the lexicon at least this common is never taken for a typo.
REAL_WORD_ZIPF = 2.5
# Words of the lexicon this common are offered to the spelling corrector besides the index's words.
COMMON_CHOICE_ZIPF = 4.0
# Concepts that say who or when ('baby', 'zwanger', 'moeder') or in what form ('cursus', 'gratis',
# 'spreekuur'), not what about: beside another need they only add to it, like a common word, so a
# service that meets them alone ('Cursus babymassage' for 'baby swimming course') does not fit.
CONTEXT_CONCEPTS = frozenset(
    {"zwangerschap", "baby", "dreumes", "peuter", "schoolkind", "pasgeborene", "moeders", "vaders", "pubers"}
)
FORM_CONCEPTS = frozenset(
    {
        "cursus_ouders",
        "spreekuur",
        "gratis",
        "informatie_voorlichting",
        "outreach",
        "online_hulp",
        "verwijzing",
    }
)


@dataclass(frozen=True)
class Need:
    """One need of a query: a concept of the thesaurus (with the words that named it) or a plain word."""

    words: tuple[str, ...]
    keys: tuple[str, ...]
    codes: frozenset[str] = frozenset()
    narrower: frozenset[str] = frozenset()
    broader: frozenset[str] = frozenset()
    label: str = ""
    generic: bool = False
    # Concepts of part of the need's words ('luiers' in 'geen geld voor luiers') and the concepts
    # beside it under the same broader one (voedselbank: babyuitzet): they meet it in part.
    related: frozenset[str] = frozenset()
    parts: tuple[frozenset[str], ...] = ()
    siblings: frozenset[str] = frozenset()
    # For a need of several words: a service may meet it by some of them (a share).
    partial_words: bool = False
    # A need of several concepts (a shared word): each one's label, to say which one a service is about.
    labels: tuple[tuple[str, str], ...] = ()
    # The framework factors its concepts point at: a service classified with one meets it a little.
    factors: frozenset[str] = frozenset()
    # A word of the parent's situation beside the need ('woon', 'bellen', 'vriendin' in a sentence):
    # it orders hits a little but does not count towards whether something fits.
    situation: bool = False
    # Known words of the same derivational root with other keys ('voeden' for 'voeding', 'huilen' for
    # 'gehuil'), and their keys: they meet a plain word's need a little less than the word itself.
    family: tuple[str, ...] = ()
    family_keys: frozenset[str] = frozenset()
    # A compound word's parts ('zwangerschap', 'begeleiding' of 'zwangerschapsbegeleiding') and their
    # keys: a text that holds them all meets the need a little, as a text that says it in other words.
    pieces: tuple[str, ...] = ()
    piece_keys: tuple[str, ...] = ()
    # The parent typed it otherwise: the correction came from the whole vocabulary, so this
    # coalition's texts may hold the word only in parts (the backends then look for the parts too).
    corrected: bool = False
    # The clauses of the query its words stand in (`_clauses`): which part of a sentence named it.
    clauses: frozenset[int] = frozenset()
    sentences: frozenset[int] = frozenset()
    # Named by a phrase that begins with its negation ('geen huis', 'geen geld'): what is missing, not
    # one everyday word.
    with_negation: bool = False


@dataclass(frozen=True)
class Understanding:
    """What a query asks for; `corrected` is the query with its typos corrected ('' when there were none)."""

    needs: tuple[Need, ...]
    phase: str = ""
    negated: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    corrected: str = ""
    # Real words of another interface language that nothing explains ('języka', a case the
    # lemmatiser does not know): they lower the confidence less than a word of no language.
    foreign: tuple[str, ...] = ()

    @property
    def normalised(self) -> str:
        return " ".join(" ".join(need.words) for need in self.needs)


class Lookup:
    """The words the search knows (the index's and the thesaurus'), to tell typos and split compounds."""

    def __init__(self, index_words: Iterable[str], concepts: ConceptIndex):
        self.words = frozenset(index_words)
        self.thesaurus_keys = frozenset(part for phrase in concepts.phrases for part in phrase)
        # The keys of the words some service's text holds.
        self.index_keys = frozenset(key(word) for word in self.words)
        self.key_set = self.index_keys | self.thesaurus_keys
        self.keys = sorted(self.key_set)
        # Phrases typed as one word ('huiselijkgeweld') are choices too; correcting to one gives its words.
        self.joined = {
            joined: phrase for joined, phrase in concepts.joined_phrases.items() if len(joined) >= 8
        }
        self.domain = frozenset(self.words | concepts.dutch_words | set(self.joined))
        # Whole words of the index and the thesaurus (not phrases typed as one).
        self.known_words = frozenset(self.words | concepts.dutch_words)
        # The short ones among them, for a short typo that the words around it explain ('roen').
        self.short_words = sorted(
            word for word in self.known_words if word.isalpha() and len(word) <= CONTEXT_TYPO_LENGTH + 1
        )
        # Common Dutch words too, so a typo in 'misschien' is corrected (and then left out as filler).
        common = {word for word, zipf in lexicon().items() if zipf >= COMMON_CHOICE_ZIPF and len(word) >= 5}
        self.choices = sorted(self.domain | common)
        # The choices by their Dutch sound: a word misspelt by ear ('kraamzorch') sounds like one of them.
        self.by_sound: dict[str, list[str]] = {}
        for choice in self.choices:
            if choice.isalpha():
                self.by_sound.setdefault(sound(choice), []).append(choice)
        self.sounds = sorted(self.by_sound)
        # The index's and the thesaurus' words by their derivational root ('voeding', 'voeden').
        self.families: dict[str, set[str]] = {}
        for word in self.words | concepts.dutch_words:
            if word.isalpha() and len(word) >= MIN_FAMILY_WORD:
                self.families.setdefault(root(word), set()).add(word)

    def in_thesaurus(self, keys: tuple[str, ...]) -> bool:
        return not self.thesaurus_keys.isdisjoint(keys)

    def knows(self, word: str) -> bool:
        target = key(word)
        position = bisect.bisect_left(self.keys, target)
        if position < len(self.keys):
            found = self.keys[position]
            return found == target or (len(target) >= MIN_PREFIX_STEM and found.startswith(target))
        return False

    def is_real(self, word: str) -> bool:
        return self.knows(word) or lexicon().get(word, 0.0) >= REAL_WORD_ZIPF

    def family(self, word: str) -> tuple[str, ...]:
        """The known words of the word's derivational root whose key differs from its own (gehuil:
        huilen; voeding: voeden), most common first, at most a few."""
        if len(word) < MIN_FAMILY_WORD:
            return ()
        own = key(word)
        found = [other for other in self.families.get(root(word), ()) if key(other) != own]
        found.sort(key=lambda other: (-lexicon().get(other, 0.0), other))
        return tuple(found[:FAMILY_WORDS])

    def sound_twin(self, word: str) -> str:
        """The index's or the thesaurus' word that sounds exactly like an unknown word ('ruzi': ruzie;
        'babie': baby), or ''."""
        if len(word) < 4 or not word.isalpha() or key(word) in self.key_set:
            return ""
        twins = [
            choice
            for choice in self.by_sound.get(sound(word), ())
            if choice in self.domain and choice != word
        ]
        if not twins:
            return ""
        chosen = min(twins, key=lambda choice: (-lexicon().get(choice, 0.0), choice))
        return self.joined.get(chosen, chosen) if chosen not in self.words else chosen

    def in_context(self, word: str, others: list[tuple[str, ...]], concepts: ConceptIndex) -> str:
        """A known word one edit from a short unknown word that forms a thesaurus phrase with the
        other words of its clause ('stoppen met roen': roken; 'baby hilt': huilt), the most common
        such word, or ''. Alone, such a word is too close to many real words to correct."""
        if not others or not word.isalpha() or len(word) > CONTEXT_TYPO_LENGTH or self.transposed(word):
            return ""  # (two letters swapped is the likelier typo: 'geen gled' is 'geen geld')
        found = []
        for choice, _distance, _index in process.extract(
            word, self.short_words, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
        ):
            keys = [*others, (key(choice),)]
            if any(
                len(match.positions) > 1 and len(others) in match.positions
                for match in concepts.find(keys, anywhere=True)
            ):
                found.append(choice)
        return min(found, key=lambda choice: (-lexicon().get(choice, 0.0), choice)) if found else ""

    def transposed(self, word: str) -> str:
        """The index's or the thesaurus' word that the word is with two neighbouring letters swapped
        back ('hlup': hulp, 'gled': geld), the most common such word, or ''. The one edit a short
        word may have: a swap seldom makes another word, where a letter more or less often does."""
        found = {
            swapped
            for at in range(len(word) - 1)
            if word[at] != word[at + 1]
            and (swapped := word[:at] + word[at + 1] + word[at] + word[at + 2 :]) in self.known_words
        }
        return min(found, key=lambda choice: (-lexicon().get(choice, 0.0), choice)) if found else ""

    def correction(self, word: str, most: int = 3) -> str:
        """The closest known word within the allowed edits (1 up to 8 letters, 2 up to 13, then 3; at
        most `most`); a thesaurus phrase typed as one word comes back as its words ('huiselijk geweld').

        A word that sounds like a known one (the same Dutch phonetic key: 'kraamzorch', 'eensaam',
        'sulden') counts as half an edit away from it, plus the edits between their sounds; a word of
        four letters is corrected only to one that sounds the same ('ruzi').
        """
        if len(word) < 4 or not word.isalpha():
            return ""
        if len(word) < 5 and not self.sound_twin(word) and (swapped := self.transposed(word)):
            return swapped
        limit = min(most, 0 if len(word) < 5 else 1 if len(word) < 9 else 2 if len(word) < 14 else 3)
        distances: dict[str, float] = {}
        if limit:
            found = process.extract(
                word, self.choices, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=5
            )
            distances = {choice: distance for choice, distance, _index in found}
        sound_limit = int(limit - SOUND_EDIT) if limit >= SOUND_EDIT else 0
        for heard, distance, _index in process.extract(
            sound(word), self.sounds, scorer=DamerauLevenshtein.distance, score_cutoff=sound_limit, limit=5
        ):
            for choice in self.by_sound[heard]:
                distances[choice] = min(distances.get(choice, limit + 1), distance + SOUND_EDIT)
        distances = {
            choice: distance for choice, distance in distances.items() if distance <= max(limit, SOUND_EDIT)
        }
        if not distances:
            return ""
        best = min(distances.values())
        # Equally close: the index's and the thesaurus' words first, then the more common word in
        # Dutch, then alphabetical, so both databases agree.
        closest = [choice for choice, distance in distances.items() if distance == best]
        chosen = sorted(
            closest, key=lambda choice: (choice not in self.domain, -lexicon().get(choice, 0.0), choice)
        )[0]
        return self.joined.get(chosen, chosen) if chosen not in self.words else chosen


# A short unknown word of at most this many letters is corrected by the words around it (`in_context`).
CONTEXT_TYPO_LENGTH = 5


# A word's known relatives by derivation (at most this many, of at least this many letters) meet it too.
FAMILY_WORDS = 6
MIN_FAMILY_WORD = 4
# Sounding like a known word is this far from it, in edits: closer than one edit, farther than none.
SOUND_EDIT = 0.5


# Two words typed as one are told from a typo only in a word this long ('metroken', 'huurniet'); in a
# shorter one a letter off a known word wins ('rugzie' is 'ruzie'). The word beside the small one is
# known to the search or this common.
RUN_TOGETHER_LENGTH = 8
RUN_TOGETHER_ZIPF = 3.0


def _small(word: str) -> bool:
    """A small word of the language: a stop word, filler, negator or one of the most common words."""
    return not is_content(word) or word in NEGATORS or lexicon().get(word, 0.0) >= FILLER_ZIPF


def _run_together(word: str, lookup: Lookup, small_only: bool = False) -> tuple[str, ...]:
    """Two words typed as one ('huurniet', 'ruziesinds', 'gekolfdemelk'): a small word of the language
    beside a known one, or two words the index or the thesaurus holds; the most common such pair."""
    best, best_score = (), 0.0
    for cut in range(2, len(word) - 1):
        parts = (word[:cut], word[cut:])
        small = [_small(part) for part in parts]
        if all(small) or (small_only and not any(small)):
            continue
        if any(small):
            other = parts[small.index(False)]
            fits = len(other) >= 3 and (
                key(other) in lookup.key_set or _commonness(other) >= RUN_TOGETHER_ZIPF
            )
        else:
            fits = all(len(part) >= 4 and key(part) in lookup.key_set for part in parts)
        score = min(_commonness(part) for part in parts)
        if fits and score > best_score:
            best, best_score = parts, score
    return best


def _typed_together(word: str, lookup: Lookup) -> tuple[str, ...]:
    """A long word that is a small word and a known one typed together, and sounds like no known word."""
    if len(word) < RUN_TOGETHER_LENGTH or lookup.sound_twin(word):
        return ()
    return _run_together(word, lookup, small_only=True)


# Two known words typed together without a space, not a compound: a Dutch compound never begins with
# an inflected adjective or participle ('gekolfdemelk'), and seldom ends in a verb after a noun of
# this length or more ('cursusopvoeden'; 'babyzwemmen' stays one).
MISSING_SPACE_PART = 6


def _missing_space(word: str, lookup: Lookup) -> tuple[str, ...]:
    """Two words the search knows typed as one that cannot be one compound, or ()."""
    for cut in range(MIN_FAMILY_WORD, len(word) - MIN_FAMILY_WORD + 1):
        head, tail = word[:cut], word[cut:]
        if key(head) not in lookup.key_set or key(tail) not in lookup.key_set:
            continue
        inflected = head.endswith("e") and lemma(head) != head
        verb = (
            min(len(head), len(tail)) >= MISSING_SPACE_PART
            and tail.endswith("en")
            and lemma(tail) == tail
            and lexicon().get(tail, 0.0) >= RUN_TOGETHER_ZIPF
            # a verb, not a noun in -en ('kinderwagen'): the lexicon has its 'hij' form too
            and tail[:-2] + "t" in lexicon()
        )
        if inflected or verb:
            return head, tail
    return ()


# A typo inside a compound is looked for part by part in a word this long; each part is this long.
COMPOUND_TYPO_LENGTH = 10
COMPOUND_TYPO_PART = 4


def _compound_part(part: str, lookup: Lookup) -> bool:
    """A word that may stand in a compound: a common word of the lexicon, or a word the search knows."""
    return len(part) >= COMPOUND_TYPO_PART and (
        lexicon().get(part, 0.0) >= COMPOUND_PART_MIN_ZIPF or part in lookup.known_words
    )


def _part_fixed(part: str, lookup: Lookup) -> str:
    """A compound part with its typo corrected: its sound twin or the known word one edit off, or ''."""
    if _compound_part(part, lookup):
        return ""
    fixed = lookup.sound_twin(part) or (len(part) > COMPOUND_TYPO_PART and lookup.correction(part, most=1))
    return fixed if fixed and fixed.isalpha() and _compound_part(fixed, lookup) else ""


def _compound_typo(word: str, lookup: Lookup) -> tuple[str, tuple[str, ...]]:
    """A long unknown word that is a compound with a typo in one part ('zwangerschapsbegelijding',
    'peuterspeelzall'): the corrected word and its parts, or ('', ()).

    Cut where one side is a word that may stand in a compound (a head may carry a linking s, e or
    en) and the other side is one edit or one sound from such a word; of several, the one whose parts
    are most common. A long word seldom has a known word in another language's catalogue, so this
    works where the whole compound is in no index (the typo of the whole is then two edits or more)."""
    if len(word) < COMPOUND_TYPO_LENGTH or not word.isalpha():
        return "", ()
    cuts = []
    for cut in range(COMPOUND_TYPO_PART, len(word) - COMPOUND_TYPO_PART + 1):
        head, tail = word[:cut], word[cut:]
        cuts.append((head, "", tail))
        cuts += [(head[: -len(link)], link, tail) for link in LINKING if head.endswith(link)]
    if any(_compound_part(head, lookup) and _compound_part(tail, lookup) for head, _link, tail in cuts):
        return "", ()  # a compound of known words ('echtscheidingsloket'), not a typo
    found: dict[tuple[str, str, str], float] = {}
    for head, link, tail in cuts:
        if _compound_part(head, lookup) and (fixed := _part_fixed(tail, lookup)):
            found[(head, link, fixed)] = min(_commonness(head), _commonness(fixed))
        elif _compound_part(tail, lookup) and (fixed := _part_fixed(head, lookup)):
            found[(fixed, link, tail)] = min(_commonness(fixed), _commonness(tail))
    if not found:
        return "", ()
    head, link, tail = max(found, key=lambda parts: (found[parts], parts))
    return head + link + tail, (*_compound_parts(head), *_compound_parts(tail))


def _compound_parts(part: str) -> tuple[str, ...]:
    """A compound part as the words a need requires: a common word whole ('verlening', 'zwangerschap'),
    an uncommon one by its own parts ('schuldhulp')."""
    if lexicon().get(part, 0.0) >= COMPOUND_PART_MIN_ZIPF:
        return (part,)
    return split_compound(part) or (part,)


# A compound's parts meet its need only when each is at least this long ('huis' + 'arts' would be met
# by any text about home visits and doctors).
PIECE_LENGTH = 5


def _pieces(word: str) -> tuple[str, ...]:
    """The parts of a compound word that a text may name apart ('begeleiding tijdens de zwangerschap'
    for 'zwangerschapsbegeleiding'), or () when it is no compound or a part is short."""
    parts = split_compound(lemma(word))
    if len(parts) < 2 or any(len(part) < PIECE_LENGTH or not is_content(part) for part in parts):
        return ()
    return parts


def _split_into_known(word: str, lookup: Lookup) -> tuple[str, ...]:
    parts = split_compound(lemma(word))
    return parts if parts and all(lookup.knows(part) for part in parts) else ()


@dataclass
class _Word:
    """A content word of the query: as typed (for other languages' lemmas), normalised, and its keys."""

    raw: str
    plain: str
    keys: tuple[str, ...]
    parts: tuple[str, ...] = ()  # an unknown compound's known parts: one need, all parts required
    sentence: int = 0  # which sentence of the query it stands in
    clause: int = 0  # which clause (`_clauses`) it stands in
    denied: bool = False  # right after a 'niet' that denies a state ('niet zwanger'): `_denies`
    place: bool = False  # a Dutch place's name after 'in', 'naar' ...: where the parent lives
    before: tuple[str, ...] = ()  # the two words before it in its clause, stop words too
    leading: tuple[str, ...] = ()  # all the words before it in its clause, stop words too
    after: str = ""  # the word after it in its clause


# Words that strengthen the word after them, in any register ('hartstikke moe', 'onwijs druk',
# 'fucking eenzaam'); the more common ones ('heel', 'erg', 'echt') are fillers anyway.
INTENSIFIERS = frozenset(
    {
        *("hartstikke", "ontzettend", "verschrikkelijk", "vreselijk", "enorm", "extreem", "super"),
        *("mega", "hyper", "ultra", "kei", "knetter", "onwijs", "bere", "fucking", "totaal", "compleet"),
        *("echt", "heel", "erg", "zeer", "best", "behoorlijk", "flink", "bizar"),
    }
)


@functools.lru_cache(maxsize=8)
def _intensifier_pairs(concepts: ConceptIndex) -> frozenset[tuple[str, str]]:
    """The intensifiers' keys with the other keys of the thesaurus phrases they stand in ('vreselijke
    bevalling'), where the intensifier is a word of the phrase and must stay."""
    strong = {key(word) for word in INTENSIFIERS}
    return frozenset(
        (part, other)
        for phrase in concepts.phrases
        for part in strong.intersection(phrase)
        for other in phrase
        if other != part
    )


def _strengthens(pairs: list[tuple[str, str]], position: int, concepts: ConceptIndex) -> bool:
    """Whether the intensifier at `position` stands before a content word of its clause (other
    intensifiers between: 'echt super moe') with which it forms no thesaurus phrase."""
    following = [
        plain for _raw, plain in pairs[position + 1 :] if is_content(plain) and plain not in INTENSIFIERS
    ]
    if not following or following[0] in NEGATORS:
        return False
    return (key(pairs[position][1]), key(following[0])) not in _intensifier_pairs(concepts)


def _words(
    pairs: list[tuple[str, str]], lookup: Lookup, concepts: ConceptIndex, correct: bool
) -> tuple[list[_Word], list[str], list[str], dict[str, str]]:
    """The query's content words (typos corrected, unknown compounds split), its unknown words, the
    real words of another language it does not understand, and the corrections made (typed -> corrected)."""
    words: list[_Word] = []
    unknown: list[str] = []
    foreign: list[str] = []
    fixes: dict[str, str] = {}
    for position, (raw, plain) in enumerate(pairs):
        if not is_content(plain) or _foreign_filler(raw, plain, lookup, concepts):
            continue
        before = [other for _raw, other in pairs[:position]]
        if (
            before
            and before[-1] in PLACE_PREPOSITIONS
            and plain in dutch_places()
            and not lookup.in_thesaurus(word_keys(raw))
        ):
            # 'verhuisd naar Ermelo', 'ik woon in Tiel': where she lives orders, it is not what she asks
            words.append(_Word(raw, plain, word_keys(raw), place=True))
            continue
        if plain in INTENSIFIERS and _strengthens(pairs, position, concepts):
            continue  # 'hartstikke moe', 'vreselijk eenzaam': the state after it is the need
        if (rest := unintensified(plain)) and not lookup.in_thesaurus(word_keys(raw)):
            raw = plain = rest  # 'supermoe', 'doodsbang', 'keihard' (not 'doodgeboren')
        start, denied = len(words), _denies(before, plain)
        if (
            plain not in NEGATORS
            and _commonness(plain) >= FILLER_ZIPF
            and not lookup.in_thesaurus(word_keys(raw))
        ):
            continue  # 'bijna', 'helemaal': out before phrases are found ('praat nog bijna niet')
        known = plain in NEGATORS or lookup.is_real(plain) or script(raw) != "latin"
        in_thesaurus = lookup.in_thesaurus(word_keys(raw))
        prefix_only = (
            known
            and correct
            and not in_thesaurus
            and script(raw) == "latin"
            and lexicon().get(plain, 0.0) < REAL_WORD_ZIPF
            and key(plain) not in lookup.key_set
        )
        fixed = ""
        if prefix_only:
            # 'ruzi', 'opvoedsen' only start a known word: one that sounds the same, or one letter off.
            fixed = lookup.sound_twin(plain) or (
                len(plain) >= CLOSE_TYPO_LENGTH and lookup.correction(plain, most=1)
            )
        elif known and correct and not in_thesaurus:
            # 'soberheid': a rare real word that nothing here holds, one letter from one that is.
            fixed = _real_word_typo(plain, lookup)
        if fixed:
            words.extend(_Word(part, part, word_keys(part)) for part in fixed.split())
            fixes[plain] = fixed
        elif known or in_thesaurus or (script(raw) == "latin" and lookup.family(plain)):
            # (a form nothing holds of a word the search knows: 'gehuil', 'ruzietje', 'jaloersheid')
            words.append(_Word(raw, plain, word_keys(raw)))
        elif phrase := _split_into_phrase(plain, concepts):
            # 'huiselijkgeweld': two words typed as one that together are a thesaurus phrase.
            words.extend(_Word(part, part, (key(part),)) for part in phrase)
        elif correct and (parts := _typed_together(plain, lookup)):
            # 'metroken' is 'met roken' (not 'meeroken'), 'huurniet' 'huur niet'.
            words.extend(_Word(part, part, word_keys(part)) for part in parts if is_content(part))
            fixes[plain] = " ".join(parts)
        elif correct and len(plain) >= CLOSE_TYPO_LENGTH and (fixed := lookup.correction(plain, most=1)):
            # One letter off a known word ('borstvoedring'): a typo, not a compound of 'ring'.
            words.extend(_Word(part, part, word_keys(part)) for part in fixed.split())
            fixes[plain] = fixed
        elif correct and (fixed := lookup.sound_twin(plain)):
            # 'babie' is a Polish word too, but here it is the baby; 'voorlesen' is not 'voor lesen'.
            words.extend(_Word(part, part, word_keys(part)) for part in fixed.split())
            fixes[plain] = fixed
        elif correct and not _foreign_word(raw) and (parts := _run_together(plain, lookup, small_only=True)):
            # 'ruziesinds': a word typed together with a small word beside it (not English 'reveal').
            words.extend(_Word(part, part, word_keys(part)) for part in parts if is_content(part))
            fixes[plain] = " ".join(parts)
        elif correct and (parts := _missing_space(plain, lookup)):
            # 'gekolfdemelk', 'cursusopvoeden': a space left out, not a compound; said in 'Bedoel je'.
            words.extend(_Word(part, part, word_keys(part)) for part in parts)
            fixes[plain] = " ".join(parts)
        elif (parts := _split_into_known(plain, lookup)) or (
            correct and (parts := _run_together(plain, lookup))
        ):
            # An unknown compound of known words ('opvoedcursus', 'gekolfdemelk'): one need, all its
            # parts required, so 'babyyoga' does not find every service about babies or about yoga.
            words.append(_Word(raw, plain, (key(plain),), parts))
        elif correct and (typo := _compound_typo(plain, lookup))[0]:
            # 'zwangerschapsbegelijding': a typo in one part of a compound no index holds whole.
            fixed, parts = typo
            if fixed in lookup.words:
                words.append(_Word(fixed, fixed, word_keys(fixed)))
            else:
                words.append(_Word(fixed, fixed, (key(fixed),), parts))
            fixes[plain] = fixed
        elif _foreign_word(raw):
            foreign.append(plain)
        elif correct and (
            fixed := lookup.in_context(
                plain,
                [word_keys(other) for other_raw, other in pairs if other != plain and is_content(other)],
                concepts,
            )
        ):
            # 'stoppen met roen': a short word that one letter off forms a phrase with the words beside it
            words.append(_Word(fixed, fixed, word_keys(fixed)))
            fixes[plain] = fixed
        elif correct and (fixed := lookup.correction(plain)):
            words.extend(_Word(part, part, word_keys(part)) for part in fixed.split())
            fixes[plain] = fixed
        else:
            unknown.append(plain)
        for word in words[start:]:
            word.denied = denied
            word.before = tuple(before[-2:])
            word.leading = tuple(before)
            word.after = pairs[position + 1][1] if position + 1 < len(pairs) else ""
    return words, unknown, foreign, fixes


# Concepts of a baby's behaviour whose word said of the parent ('ik huil', 'mijn vrouw slaapt slecht')
# names the parent's own concept; who is an adult beside the parent.
SAID_OF_PARENT = {"huilen": "somberheid", "slapen": "slapeloosheid"}
ADULTS = frozenset({"vrouw", "vriendin", "partner", "man", "vriend"})
POSSESSIVES = frozenset({"mijn", "m", "n", "mn", "onze"})


# Concepts of the parent's circumstances whose words said of a child ('hij wil bijna niks eten',
# 'mijn dochter eet niks') name the child's own concept: 'niks eten' is the food bank when 'we' or
# 'ik' have nothing to eat, and a child's eating problem when the child is who does not eat. The
# subject is the nearest of these words before the phrase in its clause.
SAID_OF_CHILD = {"voedselbank": "eetproblemen"}
CHILD_SUBJECTS = frozenset(
    {"hij", "zij", "ze", "zoon", "zoontje", "dochter", "dochtertje", "kind", "kindje", "baby", "peuter",
     "dreumes", "kleine", "meisje", "jongen", "jongetje"}
)  # fmt: skip
PARENT_SUBJECTS = frozenset({"ik", "we", "wij", "jullie", "gezin"})


def _said_of_child(codes: frozenset[str], words: list[_Word], concepts: ConceptIndex) -> frozenset[str]:
    """The child's own concept when the subject of a phrase of the parent's circumstances is a child."""
    own = {SAID_OF_CHILD[code] for code in codes if code in SAID_OF_CHILD}
    if not own or not words or not own <= set(concepts.concepts):
        return frozenset()
    for word in reversed(words[0].leading):
        if word in PARENT_SUBJECTS:
            return frozenset()
        if word in CHILD_SUBJECTS:
            return frozenset(own)
    return frozenset()


def _said_of_parent(codes: frozenset[str], words: list[_Word], concepts: ConceptIndex) -> frozenset[str]:
    """The parent's own concept when a verb of a baby's concept has the parent as its subject:
    'ik' right before or after it ('ik huil', 'huil ik'), or 'mijn vrouw', 'mijn vriend' right before."""
    own = [SAID_OF_PARENT[code] for code in codes if code in SAID_OF_PARENT]
    if not own or own[0] not in concepts.concepts:
        return frozenset()
    for word in words:
        if not _verb_form(word.plain) or word.keys == (NEGATION,):
            continue
        first_person = word.after == "ik" or (word.before and word.before[-1] == "ik")
        adult = len(word.before) == 2 and word.before[0] in POSSESSIVES and word.before[1] in ADULTS
        if first_person or adult:
            return frozenset(own)
    return frozenset()


# Someone else whose situation the parent describes ('mijn zus is zwanger', 'mijn buurvrouw wordt
# geslagen'): a grown-up relative, in-law or neighbour after a possessive is who it is about, not
# what is asked; the need is the rest of the sentence. (A child's sibling is 'zijn zusje', 'haar
# broertje': not these words; a partner is the relationship's own word, `ADULTS`.)
OTHER_PEOPLE = frozenset(
    {
        "zus", "zussen", "broer", "broers", "zwager", "schoonzus", "schoonbroer", "schoonmoeder",
        "schoonvader", "schoonouders", "schoonfamilie", "schoondochter", "schoonzoon", "nicht",
        "nichtje", "neef", "neefje", "tante", "oom", "buurvrouw", "buurman", "buren", "collega",
        "vriendinnen", "vrienden", "kennis", "stiefdochter", "stiefzoon", "kleindochter", "kleinzoon",
    }
)  # fmt: skip


def _someone_else(word: _Word) -> bool:
    """Whether a word names someone else after a possessive ('mijn zus', 'onze buurvrouw')."""
    return word.plain in OTHER_PEOPLE and bool(word.before) and word.before[-1] in POSSESSIVES


# A Dutch place's name after one of these words says where the parent lives ('ik woon in Lochem').
PLACE_PREPOSITIONS = frozenset({"in", "naar", "uit", "rond", "omgeving", "regio", "buurt"})


@functools.cache
def dutch_places() -> frozenset[str]:
    """The one-word names of the Dutch municipalities and postcode areas' places, normalised."""
    names = {row["gemeentenaam"] for row in read_csv("gemeenten_2025.csv")}
    names |= {row["plaats"] for row in read_csv("pc4_v1.csv")}
    return frozenset(plain for name in names if len(words := raw_words(name)) == 1 for _raw, plain in words)


# The negators that deny a state right after them ('niet zwanger', 'not pregnant'); 'geen luiers',
# 'zonder partner' say what is missing, and 'nog niet' what is still awaited ('nog niet zindelijk').
DENYING = frozenset({"niet", "not"})
AWAITED = frozenset({"nog", "yet", "still"})


def _denies(before: list[str], plain: str) -> bool:
    """Whether the word right after a 'niet' names a state the sentence denies ('ik ben niet zwanger'),
    rather than a need: not after 'nog niet', not a verb ('wil niet slapen', 'kan niet poepen' ask for
    help with sleep and with the bowels), not after a word between ('niet op het potje')."""
    if not before or before[-1] not in DENYING or (len(before) > 1 and before[-2] in AWAITED):
        return False
    return not _verb_form(plain)


def _verb_form(plain: str) -> bool:
    """An infinitive or a finite form of a verb ('slapen', 'eet', 'slaapt'), not a participle ('getrouwd')."""
    if plain.startswith("ge"):
        return False  # a participle ('getrouwd', 'gescheiden') says a state
    base = lemma(plain)
    # (the lemmatiser takes some infinitives for their nouns: 'poepen' -> 'poep', 'lopen' -> 'loop')
    return plain.endswith("en") or (base.endswith("en") and len(plain) <= len(base))


# An unknown word this long that is one edit from a known word is corrected before it is split into
# parts; a real word of the lexicon this rare that the index and thesaurus do not know is corrected
# when it is one edit from a word they know.
CLOSE_TYPO_LENGTH = 7
RARE_REAL_ZIPF = 3.0


def _real_word_typo(plain: str, lookup: Lookup) -> str:
    if len(plain) < CLOSE_TYPO_LENGTH or lookup.knows(plain) or lexicon().get(plain, 0.0) >= RARE_REAL_ZIPF:
        return ""
    if not plain.isascii():
        return ""
    return lookup.correction(plain, most=1)


# A compound typed as two words ('kraam zorg', 'voor-lezen') is joined when the search knows the whole
# word; when one part is a small word ('voor', 'op'), only into a word at least this long.
JOINED_WITH_SMALL_WORD = 7


def _joined_compounds(pairs: list[tuple[str, str]], lookup: Lookup) -> list[tuple[str, str]]:
    """The query's words with a compound typed apart ('borst voeding', 'kraam-zorg') made one word
    again, when the index or the thesaurus holds the whole."""
    result: list[tuple[str, str]] = []
    position = 0
    while position < len(pairs):
        if position + 1 < len(pairs):
            (_raw, first), (_raw2, second) = pairs[position], pairs[position + 1]
            whole = first + second
            content = [
                is_content(first) and first not in NEGATORS,
                is_content(second) and second not in NEGATORS,
            ]
            if (
                first.isalpha()
                and second.isalpha()
                and first.isascii()
                and second.isascii()
                and min(len(first), len(second)) >= 2
                and any(content)
                and (all(content) or len(whole) >= JOINED_WITH_SMALL_WORD)
                and whole in lookup.known_words
            ):
                result.append((whole, whole))
                position += 2
                continue
        result.append(pairs[position])
        position += 1
    return result


# A separable verb's particle this many words after its verb at most ('leest mijn kinderen thuis voor').
SEPARABLE_REACH = 5


def _separable_verbs(
    pairs: list[tuple[str, str]], lookup: Lookup, concepts: ConceptIndex
) -> list[tuple[str, str]]:
    """A sentence whose last word is the particle of a separable verb earlier on ('wie leest mijn
    kinderen voor', 'ik voed hem alleen op'): the verb as the search knows it (voorlezen, opvoeden).
    Not when the particle ends an idiom ('mijn huis uit') or the verb is a word of a thesaurus
    phrase there ('slaapt slecht door')."""
    if len(pairs) < 2:
        return pairs
    last = len(pairs) - 1
    particle = pairs[-1][1]
    for position in range(last - 1, max(-1, last - 1 - SEPARABLE_REACH), -1):
        verb = pairs[position][1]
        whole = separable_verb(particle, verb) if is_content(verb) else ""
        if not whole or key(whole) not in lookup.key_set:
            continue
        if any(last in span for _codes, span in concepts.find_idioms([plain for _raw, plain in pairs])):
            return pairs
        content = [at for at, (_raw, plain) in enumerate(pairs) if is_content(plain)]
        phrases = concepts.find([(key(pairs[at][1]),) for at in content], anywhere=True)
        if any(
            content[at] == position for match in phrases if len(match.positions) > 1 for at in match.positions
        ):
            return pairs
        return [*pairs[:position], (whole, whole), *pairs[position + 1 : -1]]
    return pairs


def _corrected_first(
    pairs: list[tuple[str, str]], lookup: Lookup, concepts: ConceptIndex
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The query's words with those one edit from a known single word corrected, before idioms and
    phrases are looked for ('helemzal op' is the idiom 'helemaal op'); the corrections made."""
    result, fixes = [], {}
    for raw, plain in pairs:
        if (
            script(raw) == "latin"
            and len(plain) >= 5
            and is_content(plain)
            and not lookup.is_real(plain)
            and not lookup.in_thesaurus(word_keys(raw))
            and not _split_into_phrase(plain, concepts)
            and not _foreign_word(raw)
            and not _typed_together(plain, lookup)
            # a form of a known root is no typo ('huilerij' is the crying, not 'huilerig')
            and not lookup.family(plain)
            and " " not in (fixed := lookup.correction(plain, most=1) or " ")
        ):
            result.append((fixed, fixed))
            fixes[plain] = fixed
        else:
            result.append((raw, plain))
    return result, fixes


def _split_into_phrase(word: str, concepts: ConceptIndex) -> tuple[str, str] | ():
    """Two Dutch words typed as one that together form a phrase of the thesaurus, or ()."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if (key(head), key(tail)) in concepts.phrases:
            return head, tail
    return ()


def _foreign_filler(raw: str, plain: str, lookup: Lookup, concepts: ConceptIndex) -> bool:
    """A function or question word of another interface language ('для', 'için', 'where', 'have'),
    unless the thesaurus uses it (as a word of its own, 'money', or in a phrase that keeps it) or
    has it as a Dutch word."""
    return (
        foreign_filler(raw, plain)
        and plain not in concepts.dutch_forms
        and not lookup.in_thesaurus(tuple(part for part in word_keys(raw) if part.startswith(FOREIGN)))
    )


# A word no Dutch lexicon knows that is this common in another interface language is a real word there.
FOREIGN_WORD_ZIPF = 3.0


def _foreign_word(raw: str) -> bool:
    """A word of another interface language (not a typo of a Dutch word): common in its lexicon there."""
    return any(
        wordfreq.zipf_frequency(written(raw, language), language) >= FOREIGN_WORD_ZIPF
        for language in FOREIGN_BY_SCRIPT[script(raw)]
    )


def understand(query: str, lookup: Lookup, concepts: ConceptIndex, correct: bool = True) -> Understanding:
    """Reduce a query to its needs.

    Typos are corrected and unknown compounds split first; then the thesaurus' phrases are found
    anywhere in what remains (a phrase's words in any order), each a need; words after 'niet' or
    'geen' that are not part of a phrase ('geen geld' is one) are negated and dropped; the other
    content words are needs of their own when they are Dutch words (a word of no language the
    index or the thesaurus knows cannot be met and is left out). A concept that belongs to one
    phase sets the phase.
    """
    typed, typed_sentence = _sentences(query)
    pairs, sentence_of = typed, typed_sentence
    if correct:
        # A compound typed apart is joined within its sentence only.
        pairs, sentence_of = [], []
        for number in sorted(set(typed_sentence)):
            joined = _separable_verbs(
                _joined_compounds(
                    [pair for pair, its in zip(typed, typed_sentence, strict=True) if its == number], lookup
                ),
                lookup,
                concepts,
            )
            pairs += joined
            sentence_of += [number] * len(joined)
    pairs, early = _corrected_first(pairs, lookup, concepts) if correct else (pairs, {})
    # 'Moet ik me zorgen maken?', 'is dat normaal?' ask for a judgement, they name no need.
    asking = set(_question_frames([plain for _raw, plain in pairs], sentence_of))
    pairs = [pair for position, pair in enumerate(pairs) if position not in asking]
    sentence_of = [number for position, number in enumerate(sentence_of) if position not in asking]
    idioms = concepts.find_idioms([plain for _raw, plain in pairs])
    idioms += _parent_age([plain for _raw, plain in pairs], concepts, idioms)
    in_idiom = {position for _codes, span in idioms for position in span}
    clause_of, clauses = _clauses([plain for _raw, plain in pairs], sentence_of)
    words, unknown, foreign, fixes = [], [], [], {}
    for clause in sorted(set(clause_of)):
        # Clause by clause, so each word knows its sentence (a phrase never joins two of them) and
        # its clause (which part of the sentence carries the need).
        found = _words(
            [
                pair
                for position, pair in enumerate(pairs)
                if position not in in_idiom and clause_of[position] == clause
            ],
            lookup,
            concepts,
            correct,
        )
        for word in found[0]:
            word.sentence = clauses[clause].sentence
            word.clause = clause
        words += found[0]
        unknown += found[1]
        foreign += found[2]
        fixes |= found[3]
    fixes = early | fixes
    corrected = " ".join(fixes.get(plain, raw) for raw, plain in typed) if fixes else ""
    for word in words:
        if script(word.raw) == "latin" and not word.parts and not lookup.in_thesaurus(word.keys):
            # 'gehuil', 'ruzietje': a form the thesaurus lacks of a word it has ('huilen', 'ruzie').
            relatives = tuple(
                part for other in lookup.family(word.plain) if (part := key(other)) in lookup.thesaurus_keys
            )
            word.keys = tuple(dict.fromkeys(word.keys + relatives))
    keys = [word.keys for word in words]
    sentences = [word.sentence for word in words]
    plains = [word.plain if script(word.raw) == "latin" else "" for word in words]
    denied = frozenset(position for position, word in enumerate(words) if word.denied)
    every = concepts.find_all(keys, anywhere=True, sentences=sentences, plains=plains, denied=denied)
    matches = concepts.find(keys, anywhere=True, sentences=sentences, plains=plains, denied=denied)
    taken = {position for match in matches for position in match.positions}
    needs: list[Need] = [
        replace(
            _idiom_need(codes, [pairs[p][1] for p in span], concepts),
            clauses=frozenset(clause_of[p] for p in span),
        )
        for codes, span in idioms
    ]
    for match in matches:
        if match.phrase == (NEGATION,):
            continue
        said_of_parent = _said_of_parent(match.codes, [words[p] for p in match.positions], concepts)
        if said_of_parent:
            # 'ik huil de hele dag', 'mijn vrouw huilt': the parent's low mood, not a crying baby
            match = replace(match, codes=said_of_parent)
        elif said_of_child := _said_of_child(match.codes, [words[p] for p in match.positions], concepts):
            # 'hij wil bijna niks eten': the child's eating, not the food bank
            match = replace(match, codes=said_of_child)
        narrower, broader, siblings = set(), set(), set()
        for code in match.codes:
            below, above = concepts.related(code)
            narrower |= below
            broader |= above
            siblings |= concepts.siblings(code)
        inside = set(match.positions)
        negative = NEGATION in match.phrase
        parts = [] if negative else [other.codes for other in every if set(other.positions) < inside]
        related = {code for codes in parts for code in codes}  # 'niet zwanger' is not in part pregnancy
        known = match.codes | narrower | broader
        chosen = [words[p] for p in match.positions if words[p].keys != (NEGATION,)]
        needs.append(
            Need(
                words=tuple(word.plain for word in chosen),
                # 'niet zwanger' is not met by a text that says 'zwanger': only by the concept.
                keys=()
                if negative or said_of_parent
                else tuple(
                    key(w.plain) for w in chosen if script(w.raw) == "latin" and lookup.knows(w.plain)
                ),
                codes=frozenset(match.codes),
                narrower=frozenset(narrower - match.codes),
                broader=frozenset(broader - match.codes - narrower),
                label=_label(match.codes, concepts),
                labels=_labels(match.codes, concepts),
                related=frozenset(related - known),
                parts=tuple(dict.fromkeys(frozenset(codes - known) for codes in parts if codes - known)),
                siblings=frozenset(siblings - known - related),
                partial_words=len(chosen) > 1,
                # 'werkt' naming work and parenthood is as weak as any very common word
                generic=only_context(match.codes)
                # ('geen geld', 'geen huis': a common word with its negation is a need of its own)
                or (
                    len(chosen) == 1
                    and match.phrase[0] != NEGATION
                    and _commonness(chosen[0].plain) >= GENERIC_CONCEPT_ZIPF
                ),
                # ('geen huis', 'geen geld' are the concept's own phrases: what is missing, its factors)
                factors=frozenset()
                if negative and match.phrase[0] != NEGATION
                else concepts.factors(match.codes),
                clauses=frozenset(words[p].clause for p in match.positions),
                with_negation=match.phrase[0] == NEGATION,
                situation=all(_someone_else(word) for word in chosen),
            )
        )
    negated: list[str] = []
    corrections = {part for fixed in fixes.values() for part in fixed.split()}
    for position, word in enumerate(words):
        if position in taken or word.keys == (NEGATION,):
            continue
        if position and word.denied and (position - 1) not in taken:
            states = {
                code
                for match in concepts.find([word.keys], plains=[plains[position]])
                for code in match.codes
            }
            if states and states <= concepts.states:
                # A negated state ('niet zwanger') is no need; 'geen luiers' still asks for nappies.
                negated.append(word.plain)
                continue
        if word.place or _someone_else(word):
            needs.append(
                Need(
                    words=(word.plain,),
                    keys=(key(word.plain),),
                    label=word.plain,
                    situation=True,
                    clauses=frozenset({word.clause}),
                )
            )
        elif word.parts:
            needs.append(
                Need(
                    words=word.parts,
                    keys=tuple(key(part) for part in word.parts),
                    label=word.plain,
                    clauses=frozenset({word.clause}),
                )
            )
        elif len(word.plain) < 2 or _commonness(word.plain) >= FILLER_ZIPF:
            continue  # 'sinds', 'steeds', 'misschien': common words that name no need
        elif (
            script(word.raw) == "latin"
            and (
                lookup.knows(word.plain)
                or lexicon().get(word.plain, 0.0) >= REAL_WORD_ZIPF
                or lookup.family(word.plain)
            )
            # ('syn', 'year': a word of another language that Dutch knows too is that language's)
            and not rather_foreign(word.raw, word.plain)
        ):
            generic = _commonness(word.plain) >= GENERIC_ZIPF
            family = lookup.family(word.plain)
            pieces = _pieces(word.plain)
            needs.append(
                Need(
                    words=(word.plain,),
                    keys=(key(word.plain),),
                    label=word.plain,
                    generic=generic,
                    family=family,
                    family_keys=frozenset(key(other) for other in family),
                    pieces=pieces,
                    piece_keys=tuple(key(piece) for piece in pieces),
                    corrected=word.plain in corrections,
                    clauses=frozenset({word.clause}),
                )
            )
        elif _foreign_word(word.raw):
            foreign.append(word.plain)
        else:
            unknown.append(word.plain)
    needs = [
        replace(need, sentences=frozenset(clauses[number].sentence for number in need.clauses))
        for need in _asks_something(_situational(_carried_by_clause(_merged(needs), clauses), lookup))
    ]
    return Understanding(
        needs=tuple(needs),
        phase=_phase([need for need in needs if not need.situation], concepts),
        negated=tuple(negated),
        unknown=tuple(unknown),
        corrected=corrected,
        foreign=tuple(foreign),
    )


# Where one sentence of a query ends and the next begins: '.', '!', '?' or ';' before a space or the
# end, or a new line ('2,5 jaar' and 'p.s' stay whole).
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def _sentences(query: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The query's (raw, normalised) words and, per word, the number of the sentence it stands in."""
    typed, sentence_of = [], []
    for number, sentence in enumerate(SENTENCE_END.split(query)):
        words = raw_words(sentence)
        typed += words
        sentence_of += [number] * len(words)
    return typed, sentence_of


# Request frames: the words after one name the need; the frame's own words ('zorgen' naming anxiety in
# 'ik maak me zorgen over zijn gedrag') and the words before it describe the situation.
REQUEST_FRAMES = (
    ("zorgen", "over"),
    ("zorgen", "om"),
    ("vragen", "over"),
    ("vraag", "over"),
    ("hulp", "bij"),
    ("hulp", "met"),
    ("advies", "over"),
    ("advies", "bij"),
    ("informatie", "over"),
    ("terecht", "met"),
    ("terecht", "voor"),
    ("ik", "zoek"),
    ("we", "zoeken"),
    ("wij", "zoeken"),
)
# 'maar' after or before these means 'only' ('nog maar een paar woordjes'), not 'but'.
ONLY_BEFORE = frozenset({"nog", "pas", "slechts"})
ONLY_AFTER = frozenset({"een", "weinig", "even", "net", "heel", "zo", "half"})


@dataclass(frozen=True)
class Clause:
    """A part of one sentence: cut at 'maar' (but) and around a request frame."""

    sentence: int
    negated: bool = False  # holds 'niet', 'geen', ...
    contrast: bool = False  # begins with 'maar'
    frame: bool = False  # the words of a request frame ('zorgen over')
    asked: bool = False  # follows a request frame in its sentence: it names the need


def _clauses(plains: list[str], sentence_of: list[int]) -> tuple[list[int], list[Clause]]:
    """Per word the number of its clause, and the clauses: a sentence cut at a 'maar' that means 'but'
    and around the request frames it holds."""
    clause_of: list[int] = []
    clauses: list[Clause] = []
    frame_end = -1
    for position, plain in enumerate(plains):
        sentence = sentence_of[position]
        previous = clauses[-1] if clauses else None
        before = plains[position - 1] if position and sentence_of[position - 1] == sentence else ""
        after = (
            plains[position + 1]
            if position + 1 < len(plains) and sentence_of[position + 1] == sentence
            else ""
        )
        frame = next(
            (
                len(words)
                for words in REQUEST_FRAMES
                if tuple(plains[position : position + len(words)]) == words
                and sentence_of[position + len(words) - 1] == sentence
            ),
            0,
        )
        if frame and position > frame_end:
            clauses.append(Clause(sentence, frame=True))
            frame_end = position + frame - 1
        elif previous is None or previous.sentence != sentence:
            clauses.append(Clause(sentence))
        elif plain == "maar" and before not in ONLY_BEFORE and after not in ONLY_AFTER:
            clauses.append(Clause(sentence, contrast=True))
        elif previous.frame and position > frame_end:
            # until the sentence ends or a 'maar' follows
            clauses.append(Clause(sentence, asked=True))
        if plain in NEGATORS and not clauses[-1].negated:
            clauses[-1] = replace(clauses[-1], negated=True)
        clause_of.append(len(clauses) - 1)
    return clause_of, clauses


def _carried_by_clause(needs: tuple[Need, ...], clauses: list[Clause]) -> tuple[Need, ...]:
    """Mark the needs of a clause that does not carry the query as its situation.

    After a request frame ('zorgen over', 'hulp bij', 'ik zoek') the words name the need: when they
    name one that carries, the frame's own concept (anxiety for 'zorgen') and the needs before the
    frame describe the situation. A clause with a negation before 'maar' says what is not the matter
    ('mijn kind is niet ziek, maar ...'): when a need after 'maar' carries, its needs are situation.
    """

    def carries(need: Need) -> bool:
        return not need.generic and not need.situation and bool(need.clauses)

    asked = {number for number, clause in enumerate(clauses) if clause.asked}
    framed = {number for number, clause in enumerate(clauses) if clause.frame}
    aside: set[int] = set()
    negated: set[int] = set()
    if any(carries(need) and need.clauses & asked for need in needs):
        aside |= {number for number in range(len(clauses)) if number not in asked}
    for number, clause in enumerate(clauses):
        if not clause.contrast or number == 0:
            continue
        denied = clauses[number - 1]
        if not denied.negated or denied.sentence != clause.sentence:
            continue
        later = {other for other in range(number, len(clauses)) if clauses[other].sentence == clause.sentence}
        if any(carries(need) and need.clauses <= later for need in needs):
            negated.add(number - 1)
    if not aside and not negated:
        return needs

    def set_aside(need: Need) -> bool:
        if not need.clauses or (need.generic and not need.clauses & framed):
            return False
        # a need named with its negation ('geen geld') is what the clause says is missing, not denied
        return need.clauses <= aside or (not need.with_negation and need.clauses <= aside | negated)

    return tuple(replace(need, situation=True) if set_aside(need) else need for need in needs)


def _asks_something(needs: tuple[Need, ...]) -> tuple[Need, ...]:
    """A query whose needs were all set aside as situation (a denied clause beside everyday words:
    'hij slaat mij niet, maar hij controleert alles') asks for all of them."""
    if needs and all(need.situation for need in needs):
        return tuple(replace(need, situation=False) for need in needs)
    return needs


# Questions that ask for a judgement of what the sentence describes ('moet ik me zorgen maken (als
# ...)?', 'is dat normaal?', 'maak ik me onnodig druk?'): their words name no need (not anxiety).
# Matched within one sentence; 'maak ik me zorgen' only where the sentence begins (after 'sinds de
# bevalling' it is a statement), and 'is het erg' only before the end, 'dat' or 'als' ('soms is het
# erg zwaar' says 'very').
QUESTION_FRAMES = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b(?:moet|moeten|hoef|hoeven|zou|zouden|moest)( (?:ik|we|wij|je|jij))( (?:me|mij|ons|je))?"
        r"( (?:nou|nu|echt|dan|ergens|daar|hier))*( (?:zorgen|ongerust|druk))( (?:over|om))?( te)? maken\b",
        r"^(?:maak|maken)( (?:ik|we|wij))( (?:me|mij|ons))( (?:nou|nu|echt|onnodig|terecht))*"
        r"( (?:zorgen|druk))\b",
        r"\b(?:is|zijn)( (?:dat|dit|het|deze|die))( (?:nog|wel|nou|echt))*( (?:normaal|erg|gewoon))"
        r"(?= dat\b| als\b|$)",
    )
)


def _question_frames(plains: list[str], sentence_of: list[int] | None = None) -> list[int]:
    """The positions of the words of a question frame among the query's normalised words."""
    sentence_of = sentence_of or [0] * len(plains)
    found = []
    for number in sorted(set(sentence_of)):
        positions = [p for p, its in enumerate(sentence_of) if its == number]
        text = " ".join(plains[p] for p in positions)
        starts = [0]
        for p in positions:
            starts.append(starts[-1] + len(plains[p]) + 1)
        for pattern in QUESTION_FRAMES:
            for match in pattern.finditer(text):
                inside = range(match.start(), match.end())
                found += [positions[i] for i, start in enumerate(starts[:-1]) if start in inside]
    return sorted(set(found))


# 'ik ben 17': a parent who says an age this young is a young parent ('ik ben 36 weken' is not).
PARENT_AGE = re.compile(r"^(?:1[2-9]|2[0-2])$")
NOT_AN_AGE = frozenset({"weken", "week", "wk", "maanden", "maand", "dagen", "dag", "kilo", "kg", "uur"})
YOUNG_PARENTS = "tienerouders"


def _parent_age(
    plains: list[str], concepts: ConceptIndex, idioms: list[tuple[frozenset[str], tuple[int, ...]]]
) -> list[tuple[frozenset[str], tuple[int, ...]]]:
    """'ik ben (pas) 17 (jaar)' as an idiom of young parents, unless the thesaurus named them already."""
    if YOUNG_PARENTS not in concepts.concepts or any(YOUNG_PARENTS in codes for codes, _span in idioms):
        return []
    for position, plain in enumerate(plains):
        if not PARENT_AGE.match(plain) or position < 2:
            continue
        before = plains[max(0, position - 3) : position]
        after = plains[position + 1] if position + 1 < len(plains) else ""
        said = before[-2:] in (["ik", "ben"], ["ben", "pas"], ["ben", "net"])
        if said and after not in NOT_AN_AGE:
            return [(frozenset({YOUNG_PARENTS}), (position,))]
    return []


def only_context(codes: frozenset[str]) -> bool:
    """Whether the thesaurus concepts among the codes all say who, when or in what form."""
    own = {code for code in codes if not code.startswith(("syn_", "lang_"))}
    return bool(own) and own <= CONTEXT_CONCEPTS | FORM_CONCEPTS


def _idiom_need(codes: frozenset[str], words: list[str], concepts: ConceptIndex) -> Need:
    """A need named by an idiom ('helemaal op'): met by its concept, a narrower or broader one."""
    narrower, broader = set(), set()
    for code in codes:
        below, above = concepts.related(code)
        narrower |= below
        broader |= above
    return Need(
        words=tuple(words),
        keys=(),
        codes=codes,
        narrower=frozenset(narrower - codes),
        broader=frozenset(broader - codes - narrower),
        label=_label(codes, concepts),
        factors=concepts.factors(codes),
    )


def _commonness(word: str) -> float:
    """How common a word or its lemma is in Dutch ('leer' is as common as 'leren')."""
    return max(lexicon().get(word, 0.0), lexicon().get(lemma(word), 0.0))


def _label(codes: frozenset[str], concepts: ConceptIndex) -> str:
    """The thesaurus' preferred term; the search's own word lists only when no thesaurus concept matched."""
    own = sorted(code for code in codes if not code.startswith(("syn_", "lang_")))
    return concepts.label((own or sorted(codes))[0])


def _labels(codes: frozenset[str], concepts: ConceptIndex) -> tuple[tuple[str, str], ...]:
    """(code, preferred term) of the thesaurus concepts among the codes, when there are several."""
    own = sorted(code for code in codes if not code.startswith(("syn_", "lang_")))
    return tuple((code, concepts.label(code)) for code in own) if len(own) > 1 else ()


def _merged(needs: list[Need]) -> tuple[Need, ...]:
    """Several words naming the same concepts ('zwanger, zwangerschap') count as one need."""
    unique: dict[object, Need] = {}
    for need in needs:
        identity = need.codes or need.keys
        if identity in unique:
            first = unique[identity]
            unique[identity] = Need(
                first.words + need.words,
                first.keys + need.keys,
                first.codes,
                first.narrower,
                first.broader,
                first.label,
                first.generic and need.generic,
                factors=first.factors,
                clauses=first.clauses | need.clauses,
            )
        else:
            unique[identity] = need
    return tuple(unique.values())


def _finite_verb(words: tuple[str, ...]) -> bool:
    """Whether a single word is a finite form of a verb ('afkomt', 'controleert': a stem with -t whose
    lemma is an infinitive): a verb tells what happens in the parent's situation, a noun names the need."""
    if len(words) != 1:
        return False
    word = words[0]
    base = lemma(word)
    return base != word and base.endswith("en") and word.endswith("t") and word[:2] == base[:2]


def _situational(needs: tuple[Need, ...], lookup: Lookup | None = None) -> tuple[Need, ...]:
    """Mark the words of the parent's situation in a sentence, when something else carries the query.

    A need carries the query when the thesaurus understood it (not only who, when or in what form)
    or when it is a word that Dutch uses rarely.
    Beside such a need, a plain word of everyday life (Zipf 3.5 or more: 'bellen', 'mailen',
    'allebei') and a very common word naming a concept alone ('woon') only describe the situation.
    Without one, any concept the thesaurus found carries it (who or when: 'zwanger'; a common word:
    'praat') and only the plain everyday words describe the situation. In a query of fewer than
    three needs, or one of everyday words only, nothing changes: the words are the need.
    """

    def single_common(need: Need, zipf: float) -> bool:
        return len(need.words) == 1 and not need.with_negation and _commonness(need.words[0]) >= zipf

    def plain_common(need: Need) -> bool:
        return not need.codes and (need.generic or single_common(need, SITUATION_ZIPF))

    def concept_common(need: Need) -> bool:
        return bool(need.codes) and single_common(need, SITUATION_CONCEPT_ZIPF)

    def held(need: Need) -> bool:
        # A word some service's text holds (itself or a word of its root).
        return lookup is None or bool(need.family) or any(part in lookup.index_keys for part in need.keys)

    def carries(need: Need) -> bool:
        if need.situation:
            return False
        if need.codes:
            # who or when ('mijn baby') does not carry a sentence, however it was named
            return not need.generic and not only_context(need.codes) and not concept_common(need)
        return not plain_common(need) and (held(need) or not _finite_verb(need.words))

    def aside(need: Need) -> bool:
        # An everyday word, or a verb of the sentence that no service's text holds ('afkomt', 'meedenkt').
        return plain_common(need) or (not need.codes and not held(need) and _finite_verb(need.words))

    if len(needs) < SENTENCE_NEEDS:
        return needs
    if any(carries(need) for need in needs):
        situation = [aside(need) or concept_common(need) for need in needs]
    elif any(need.codes and not single_common(need, GENERIC_CONCEPT_ZIPF) for need in needs):
        # Beside who, when or in what form only ('mijn baby', 'zwanger', 'cursus'), a noun is what she
        # asks ('paspoort', 'vakantie', 'Spaans' in 'een cursus Spaans voor peuters'), not her
        # situation, whether or not some service's text mentions it in passing.
        context_only = all(only_context(need.codes) for need in needs if need.codes)
        situation = [
            aside(need)
            and not (context_only and not need.codes and not need.generic and not _finite_verb(need.words))
            for need in needs
        ]
    else:
        return needs
    return tuple(
        replace(need, situation=True) if marked else need
        for need, marked in zip(needs, situation, strict=True)
    )


def _phase(needs: list[Need], concepts: ConceptIndex) -> str:
    """The phase named by the query: one phase shared by the concepts that each point at a single phase."""
    phases = {
        concepts.concepts[code].phases[0]
        for need in needs
        for code in need.codes
        if code in concepts.concepts and len(concepts.concepts[code].phases) == 1
    }
    return phases.pop() if len(phases) == 1 else ""


@functools.lru_cache(maxsize=1)
def empty() -> Understanding:
    return Understanding(needs=())
