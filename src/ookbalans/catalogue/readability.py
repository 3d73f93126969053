"""How hard a Dutch text is to read: the Flesch-Douma score and a verdict against language level B1."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

# Flesch-Douma, the Dutch adaptation of Flesch Reading Ease (Douma 1960):
#   206.835 - 0.93 * (words per sentence) - 77 * (syllables per word).
# Below 60 a text is "fairly difficult" or harder; plain-language guidance for B1 asks for
# "normal" (60-70) or easier, and for sentences of at most about 15 words.
B1_MINIMUM_SCORE = 60.0
B1_MAXIMUM_WORDS_PER_SENTENCE = 15

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|[\n;:]+")


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def syllable_count(word: str) -> int:
    """Syllables in a Dutch word, counted from its hyphenation points (at least one)."""
    return max(1, len(_hyphenator().positions(word.lower())) + 1)


@dataclass(frozen=True)
class Readability:
    score: float
    words: int
    sentences: int
    words_per_sentence: float
    syllables_per_word: float
    long_words: tuple[str, ...]

    @property
    def harder_than_b1(self) -> bool:
        return self.words > 0 and (
            self.score < B1_MINIMUM_SCORE or self.words_per_sentence > B1_MAXIMUM_WORDS_PER_SENTENCE
        )


def readability(text: str) -> Readability:
    """Measure a Dutch text; an empty text scores as easy."""
    words = WORD.findall(text or "")
    if not words:
        return Readability(100.0, 0, 0, 0.0, 0.0, ())
    sentences = max(1, len([part for part in SENTENCE_END.split(text) if WORD.search(part)]))
    syllables = [syllable_count(word) for word in words]
    words_per_sentence = len(words) / sentences
    syllables_per_word = sum(syllables) / len(words)
    score = 206.835 - 0.93 * words_per_sentence - 77 * syllables_per_word
    # The longest words first: they are the first to replace.
    ranked = sorted(zip(words, syllables, strict=True), key=lambda pair: -pair[1])
    long_words = tuple(dict.fromkeys(word for word, count in ranked if count >= 4))
    return Readability(
        round(score, 1),
        len(words),
        sentences,
        round(words_per_sentence, 1),
        round(syllables_per_word, 2),
        long_words,
    )
