"""What parents searched for in the finder without finding anything: the term kept, and the sums read."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import simplemma

from ookbalans.framework.thesaurus import word_index
from ookbalans.search import language
from ookbalans.search.models import SearchWord, UnmetSearch
from ookbalans.search.names import is_proper_name
from ookbalans.search.text import query_fillers, stopwords, strip_accents

# At most this many words of a term are kept, each at most this long.
TERM_MAX_WORDS = 4
WORD_MAX_LENGTH = 30
_RAW_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Lexicons:
    """The words a kept term may consist of: the thesaurus', the index's, and a Dutch word list's."""

    thesaurus: frozenset[str]
    indexed: frozenset[str]
    is_dutch: Callable[[str], bool]
    # Whether a word is (also) a person's name; the thesaurus' words never are.
    is_name: Callable[[str], bool] = lambda _word: False


def demand_term(query: str, lexicons: Lexicons) -> str:
    """The term kept for a search that found nothing, or '' when nothing of it may be kept.

    Only known words are kept: of the thesaurus, the index's vocabulary or a Dutch word list (a
    compound of its words counts). Nothing is kept of a search that looks like it names a person: a
    capitalised word after the first that the thesaurus does not hold ('Fatima de Vries', 'hulp
    voor Sanne'), a capitalised word that no lexicon knows ('Kowalczyk'), or a name typed in lower
    case ('fatima', 'hulp voor daan': `lexicons.is_name`) that the thesaurus does not hold. Words
    with a digit go (postcodes, dates, phone numbers), and so do stop words and the fillers around
    a need.
    """
    read = _read(query, lexicons)
    if read is None:
        return ""
    kept, _complete = read
    return " ".join(sorted(dict.fromkeys(kept))[:TERM_MAX_WORDS])


def is_impersonal(query: str, lexicons: Lexicons) -> bool:
    """Whether a search text may be kept whole (the public page cache keeps pages with their search):
    every word a known word without a digit, and nothing that looks like a person's name."""
    read = _read(query, lexicons)
    return read is not None and read[1]


def _read(query: str, lexicons: Lexicons) -> tuple[list[str], bool] | None:
    """The query's known words worth keeping and whether every other word is a stop word or filler;
    None when the query looks like it names a person (the rules of `demand_term`)."""
    kept, complete = [], True
    for position, raw in enumerate(_RAW_WORD.findall(strip_accents(query))):
        word = raw.lower()
        capitalised = raw[:1].isupper() and not raw.isupper()
        in_thesaurus = word in lexicons.thesaurus
        known = in_thesaurus or word in lexicons.indexed or lexicons.is_dutch(word)
        if capitalised and not in_thesaurus and (position > 0 or not known):
            return None
        if word in stopwords() or word in query_fillers():
            continue  # 'de' and 'van' are parts of names too
        if lexicons.is_name(word) and not in_thesaurus:
            return None
        if known and not any(char.isdigit() for char in word) and len(word) <= WORD_MAX_LENGTH:
            kept.append(word)
        else:
            complete = False
    return kept, complete


@cache
def thesaurus_words() -> frozenset[str]:
    """Every single word of the thesaurus' terms, in all its languages."""
    return frozenset(word for phrase in word_index() for word in phrase.split())


# A word of the Dutch frequency list this common is a word, whatever the lemmatiser's dictionary says.
COMMON_WORD_ZIPF = 3.5


def is_dutch_word(word: str) -> bool:
    """A word of the lemmatiser's Dutch dictionary or a common one of the Dutch lexicon (wordfreq's
    list), or a compound of the lexicon's words ('tweelingcursus'). The rare words of a frequency
    list are often names ('oksana', 'kowalski'); the dictionary of word forms holds far fewer."""
    if simplemma.is_known(word, lang="nl") or language.lexicon().get(word, 0.0) >= COMMON_WORD_ZIPF:
        return True
    return bool(language.split_compound(word))


def current_lexicons(indexed: frozenset[str] | None = None) -> Lexicons:
    """The lexicons as they are now; `indexed` when the caller holds the index's vocabulary already."""
    if indexed is None:
        indexed = frozenset(SearchWord.objects.values_list("word", flat=True))
    return Lexicons(
        thesaurus=thesaurus_words(), indexed=indexed, is_dutch=is_dutch_word, is_name=is_proper_name
    )


def unmet_searches_by_coalition(coalition_ids: list, since: datetime.date) -> dict:
    """Coalition id -> ((term, count), ...) of the weeks from `since` on, most searched first.

    One query for all the coalitions (the analysis of a region reads many at once). Every count is
    given, also the rare ones: whoever reports them must hold back those that could identify someone.
    A term stored before the rule of `demand_term` held, which that rule would not keep, is left out.
    """
    totals: dict = defaultdict(lambda: defaultdict(int))
    lexicons = None
    for coalition_id, term, count in UnmetSearch.objects.filter(
        coalition__in=coalition_ids, week__gte=since
    ).values_list("coalition_id", "term", "count"):
        lexicons = lexicons or current_lexicons()
        if demand_term(term, lexicons) == term:
            totals[coalition_id][term] += count
    return {
        coalition_id: tuple(sorted(terms.items(), key=lambda item: (-item[1], item[0])))
        for coalition_id, terms in totals.items()
    }
