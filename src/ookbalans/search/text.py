"""Text analysis shared by both search backends: normalising, stemming, synonyms, compounds and typos."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent / "data"

# Shortest stem that may match longer words by prefix (baby -> babymassage); shorter stems match whole.
MIN_PREFIX_STEM = 4
# Compounds are split only when both parts are at least this long.
MIN_COMPOUND_PART = 3
# The linking sounds of Dutch compounds: borstvoeding-s-café, kinder-en-...
LINKING = ("s", "e", "en")

_WORD = re.compile(r"\w+")

# One stemmer per thread: a Snowball stemmer object keeps state between calls and is not
# thread-safe (shared by gunicorn's threads it gave HTTP 500s).
_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        # 'dutch_porter' is the classic Snowball Dutch stemmer that PostgreSQL's `dutch`
        # configuration uses; snowballstemmer's newer 'dutch' strips prefixes (geldzorgen -> ldzorg)
        # and would make the two backends disagree.
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # most Dutch text: nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """Lower-case words without accents: 'Borstvoedingscafé' -> ['borstvoedingscafe']."""
    return [word.replace("_", "") for word in _WORD.findall(strip_accents(text).lower()) if word.strip("_")]


def normalise(text: str) -> str:
    return " ".join(tokens(text))


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _data_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def stopwords() -> frozenset[str]:
    return frozenset(normalise(line) for line in _data_lines("stopwords_nl.txt"))


@functools.cache
def query_fillers() -> frozenset[str]:
    return frozenset(normalise(line) for line in _data_lines("query_fillers.txt"))


@functools.cache
def compound_parts() -> tuple[str, ...]:
    """Known compound endings, longest first so 'ondersteuning' wins over 'steun'."""
    return tuple(
        sorted({normalise(line) for line in _data_lines("compound_parts.txt")}, key=len, reverse=True)
    )


Phrase = tuple[str, ...]


def _phrase(text: str) -> Phrase:
    return tuple(word for word in tokens(text) if word not in stopwords())


@functools.cache
def synonym_groups() -> dict[Phrase, tuple[Phrase, ...]]:
    """Each member phrase of synonyms.txt -> all members of its group (including itself)."""
    groups: dict[Phrase, tuple[Phrase, ...]] = {}
    for line in _data_lines("synonyms.txt"):
        members = tuple(dict.fromkeys(p for p in (_phrase(part) for part in line.split(",")) if p))
        for member in members:
            groups[member] = tuple(dict.fromkeys(groups.get(member, ()) + members))
    return groups


@functools.cache
def other_language_terms() -> dict[Phrase, tuple[Phrase, ...]]:
    """A need typed in another language -> the Dutch words it stands for (each one alternative)."""
    mapping: dict[Phrase, tuple[Phrase, ...]] = {}
    for line in _data_lines("other_languages.txt"):
        foreign, _, dutch = line.partition("=")
        key = tuple(tokens(foreign))
        if key:
            mapping[key] = mapping.get(key, ()) + (_phrase(dutch),)
    return mapping


def split_compound_word(word: str) -> Phrase | None:
    """Split a word that ends in a known compound part: 'borstvoedingscafe' -> ('borstvoeding', 'cafe')."""
    for tail in compound_parts():
        if len(word) - len(tail) >= MIN_COMPOUND_PART and word.endswith(tail):
            head = word[: -len(tail)]
            for link in LINKING:
                if head.endswith(link) and len(head) - len(link) >= MIN_COMPOUND_PART + 2:
                    head = head[: -len(link)]
                    break
            return (head, tail)
    return None


def index_words(text: str) -> list[str]:
    """The words a service's text is indexed with: its own words plus the parts of its compounds."""
    words = tokens(text)
    parts = [part for word in words if (split := split_compound_word(word)) for part in split]
    return words + parts


def index_stems(text: str) -> str:
    """The text as the SQLite index holds it: stems of the indexed words, without stop words."""
    return " ".join(stem(word) for word in index_words(text) if word not in stopwords())


@dataclass(frozen=True)
class Concept:
    """One need in a query; a service matches when it matches any alternative (all words of it)."""

    source: str
    alternatives: tuple[Phrase, ...]
    # The parent's own word (or its correction or Dutch counterpart): ranked above synonym matches.
    primary: tuple[Phrase, ...] = ()

    def only_primary(self) -> Concept:
        return Concept(self.source, self.primary or self.alternatives, self.primary)


@dataclass(frozen=True)
class Analysis:
    """A query taken apart: the needs it names, and the words nobody's text contains."""

    concepts: tuple[Concept, ...]
    unknown: tuple[str, ...]

    @property
    def normalised(self) -> str:
        return " ".join(concept.source for concept in self.concepts)


class Vocabulary:
    """The indexed words, to tell known words from typos and to split unknown compounds."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self.stems = sorted({stem(word) for word in self.words})
        self._by_trigram: dict[str, set[str]] = {}
        self._analyses: dict[str, Analysis] = {}

    def analysed(self, query: str, compute: Callable[[], Analysis]) -> Analysis:
        """The analysis of a query, kept while the vocabulary lasts (it depends on nothing else)."""
        if query not in self._analyses:
            if len(self._analyses) > 10_000:
                self._analyses.clear()
            self._analyses[query] = compute()
        return self._analyses[query]

    def has_stem_prefix(self, word: str) -> bool:
        """Whether a word (or, for longer stems, a word it starts) is in the index."""
        import bisect

        target = stem(word)
        position = bisect.bisect_left(self.stems, target)
        if position >= len(self.stems):
            return False
        found = self.stems[position]
        return found == target or (len(target) >= MIN_PREFIX_STEM and found.startswith(target))

    def knows(self, phrase: Phrase) -> bool:
        return all(self.has_stem_prefix(word) for word in phrase)

    def similar_words(self, word: str) -> list[str]:
        """Index words sharing trigrams with a word (the SQLite counterpart of pg_trgm's %)."""
        if not self._by_trigram:
            for known in self.words:
                for gram in trigrams(known):
                    self._by_trigram.setdefault(gram, set()).add(known)
        counts: dict[str, int] = {}
        for gram in trigrams(word):
            for known in self._by_trigram.get(gram, ()):
                counts[known] = counts.get(known, 0) + 1
        needed = max(2, len(trigrams(word)) // 3)
        return [known for known, count in counts.items() if count >= needed]


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent transpositions counted as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(word: str) -> int:
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def typo_corrections(word: str, candidates: Iterable[str]) -> list[str]:
    """The closest candidates within the allowed edit distance; several only when equally close."""
    limit = allowed_typos(word)
    if not limit:
        return []
    scored = sorted(
        (distance, candidate)
        for candidate in set(candidates)
        if abs(len(candidate) - len(word)) <= limit and (distance := edit_distance(word, candidate)) <= limit
    )
    if not scored:
        return []
    best = scored[0][0]
    return [candidate for distance, candidate in scored if distance == best][:3]


def _own_words(phrase: Phrase) -> tuple[Phrase, ...]:
    """A phrase and, when typed in another language, its Dutch counterparts."""
    return (phrase, *other_language_terms().get(phrase, ()))


@functools.lru_cache(maxsize=10_000)
def _expansions(phrase: Phrase) -> tuple[Phrase, ...]:
    """A phrase with its synonyms and, for a need typed in another language, its Dutch words."""
    alternatives: list[Phrase] = list(_own_words(phrase))
    for alternative in list(alternatives):
        alternatives.extend(synonym_groups().get(alternative, ()))
        if len(alternative) == 1:
            # Synonyms also by stem, so 'zwangere' finds the group of 'zwanger'.
            for member, group in synonym_groups().items():
                if len(member) == 1 and stem(member[0]) == stem(alternative[0]):
                    alternatives.extend(group)
    return tuple(dict.fromkeys(a for a in alternatives if a))


def _split_unknown_compound(word: str, vocabulary: Vocabulary) -> Phrase | None:
    """Split a compound the index does not hold into two indexed words: opvoedcursus -> opvoed cursus."""
    for cut in range(len(word) - MIN_COMPOUND_PART, MIN_COMPOUND_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not vocabulary.has_stem_prefix(tail):
            continue
        for candidate in (head, *(head[: -len(link)] for link in LINKING if head.endswith(link))):
            if len(candidate) >= MIN_COMPOUND_PART and vocabulary.has_stem_prefix(candidate):
                return (candidate, tail)
    return None


def analyse(
    query: str,
    vocabulary: Vocabulary,
    similar: Callable[[str], Iterable[str]] | None = None,
) -> Analysis:
    """Take a parent's query apart into needs, each with the alternative words that satisfy it.

    Phrases from the synonym and other-language lists are matched first (longest first); then
    stop words and filler words ('hulp', 'zoek') are dropped; a word the index does not know is
    tried as a compound of known words, then corrected for typos. Words that stay unknown are
    reported, not searched: a query of only unknown words finds nothing, honestly.
    """
    similar = similar or vocabulary.similar_words
    words = tokens(query)
    known_phrases = set(synonym_groups()) | set(other_language_terms())
    concepts: list[Concept] = []
    unknown: list[str] = []
    position = 0
    while position < len(words):
        for size in (4, 3, 2):
            phrase = tuple(words[position : position + size])
            if len(phrase) == size and phrase in known_phrases:
                own = _phrase(" ".join(phrase)) or phrase
                known = tuple(a for a in _expansions(own) if vocabulary.knows(a))
                if known:
                    primary = tuple(a for a in _own_words(own) if a in known)
                    if len(phrase) > 1 and own in synonym_groups():
                        # An idiom ('in verwachting') means its group, not its words one by one.
                        primary = tuple(a for a in known if a != own) or primary
                    concepts.append(Concept(" ".join(phrase), known, primary))
                else:
                    unknown.append(" ".join(phrase))
                position += size
                break
        else:
            word = words[position]
            position += 1
            if word in stopwords() or word in query_fillers() or word.isdigit():
                continue
            alternatives = list(_expansions((word,)))
            own = list(_own_words((word,)))
            if not any(vocabulary.knows(alternative) for alternative in alternatives):
                if compound := _split_unknown_compound(word, vocabulary):
                    # Each part is a need with its own synonyms: opvoedcursus -> opvoeden, training.
                    words[position:position] = list(compound)
                    continue
                for correction in typo_corrections(word, similar(word)):
                    alternatives.extend(_expansions((correction,)))
                    own.extend(_own_words((correction,)))
            known = tuple(a for a in dict.fromkeys(alternatives) if vocabulary.knows(a))
            if known:
                concepts.append(Concept(word, known, tuple(a for a in dict.fromkeys(own) if a in known)))
            else:
                unknown.append(word)
    # Several words naming the same need (zwanger zwangerschap) count once.
    unique: dict[frozenset, Concept] = {}
    for concept in concepts:
        unique.setdefault(frozenset(concept.alternatives), concept)
    return Analysis(tuple(unique.values()), tuple(unknown))
