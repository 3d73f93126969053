"""Dutch language processing for the search: lemmas, stems, compounds and negation, thread-safe and pure."""

from __future__ import annotations

import functools
import math
import re
import threading

import simplemma
import wordfreq

from ookbalans.search.text import normalise, query_fillers, stem, stopwords, tokens

# A word of the Dutch lexicon at least this common (Zipf scale: 3 = once per million words) is a
# real word: it is not corrected as a typo, and it may be a part of a compound.
LEXICON_MIN_ZIPF = 1.5
COMPOUND_PART_MIN_ZIPF = 2.8
SHORT_PART_MIN_ZIPF = 4.3
# Compound parts must be at least this long: 'ei' or 'op' would split almost anything.
MIN_PART = 3
LINKING = ("s", "e", "en")
# Words that turn what follows into its opposite; kept as one key so 'geen geld' stays a phrase.
# A noun in -ing whose stem is itself a common word keeps its -ing.
ING_STEM_ZIPF = 3.5
NEGATORS = frozenset(
    {"niet", "geen", "zonder", "nooit", "not", "no", "without", "never"}
    # and those of the other interface languages, normalised: Polish, Ukrainian, Turkish, Arabic
    | {"nie", "bez", "не", "ні", "без", "degil", "degilim", "yok", "لا", "ليس", "لست", "لم", "بدون"}
)
NEGATION = "~"

_lexicon_lock = threading.Lock()
_RAW_WORD = re.compile(r"[^\W_]+")
# English contractions of 'not' ("can't", "doesn't"): the negation is a word of its own.
_NOT_CONTRACTED = re.compile(r"(?<=[^\W\d_])n['’]t\b")
_CONTRACTED_STEMS = {"ca not": "can not", "wo not": "will not"}


@functools.lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The Dutch lemma of a normalised word (huilende -> huilen), the word itself when unknown.

    Taken until it no longer changes (gekolfde -> kolven -> kolf), so every form meets its lemma.
    """
    if not word.isalpha() or not word.isascii():
        return word
    original = word
    seen = [word]
    for _round in range(3):
        found = normalise(simplemma.lemmatize(word, lang="nl")) or word
        if found == word:
            break
        if found in seen:
            # the lexicon goes round (blazen -> blaas -> blazen): every form of the round has one lemma
            word = min(seen[seen.index(found) :])
            break
        seen.append(found)
        word = found
    for suffix in ("jes", "je"):
        base = original[: -len(suffix)]
        if original.endswith(suffix) and len(base) >= MIN_PART and not word.startswith(base):
            # A diminutive's lemma is its base (krampjes -> kramp), not a guess that cuts more off.
            return base if base in lexicon() else original
    return word


# The other languages of the interface, by script; Latin-script words are tried in each.
FOREIGN_BY_SCRIPT = {"latin": ("en", "tr", "pl"), "cyrillic": ("uk",), "arabic": ("ar",)}
FOREIGN = "@"
# Letters a keyboard without them turns into others (Polish ł, Turkish dotless ı; Arabic's final
# ta marbuta and alif maqsura are written either way): folded in every other-language key.
_FOLD = str.maketrans({"ł": "l", "ı": "i", "ة": "ه", "ى": "ي"})
# Arabic light stemming (after Larkey's light10): an article with a conjunction or preposition in
# front, and one ending (attached pronoun, plural, feminine), each only when three letters remain.
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("ها", "هم", "كم", "نا", "ني", "يه", "ات", "ان", "ون", "ين", "ه", "ي", "ك")
# One letter in front (and, or, with, for, like: 'لطفلي' for my child) is taken off only as a second
# reading of a query word, since many words begin with those letters.
_ARABIC_PARTICLES = ("و", "ف", "ب", "ل", "ك", "ا")  # (and 'أ' of a verb's first person: 'أتعلم')
ARABIC_MIN_STEM = 3
# A word at least this common (Zipf) in its language is a word of that language.
WRITTEN_FORM_ZIPF = 2.5


def script(word: str) -> str:
    first = next((char for char in word if char.isalpha()), "a")
    if "\u0400" <= first <= "\u04ff":
        return "cyrillic"
    if "\u0600" <= first <= "\u06ff":
        return "arabic"
    return "latin"


def fold(plain: str) -> str:
    """A normalised word as typed on any keyboard: 'połozna' -> 'polozna', 'ağlıyor' -> 'agliyor'."""
    return plain.translate(_FOLD)


def arabic_stem(plain: str) -> str:
    """The light stem of a normalised Arabic word: 'الرضاعه' -> 'رضاع', 'ديون' stays (too short)."""
    word = fold(plain)
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= ARABIC_MIN_STEM - 1:
            word = word[len(prefix) :]
            break
    for _round in range(2):  # ('لاجئين' and 'لاجئ' both end as 'لاج' once the hamza is a ya)
        suffix = next((end for end in _ARABIC_SUFFIXES if word.endswith(end)), "")
        if not suffix or len(word) - len(suffix) < ARABIC_MIN_STEM:
            break
        word = word[: -len(suffix)]
    return word


@functools.cache
def written_forms(language: str) -> dict[str, str]:
    """Words of a language typed without their diacritics -> the form written with them, where that
    form is the more common one ('bebegim' -> 'bebeğim', 'poloznej' -> 'położnej'); wordfreq's list."""
    if language not in ("tr", "pl"):
        return {}
    frequencies = wordfreq.get_frequency_dict(language, wordlist="small")
    minimum = 10 ** (WRITTEN_FORM_ZIPF - 9)
    found: dict[str, tuple[float, str]] = {}
    for word, frequency in frequencies.items():
        if frequency < minimum or not word.isalpha():
            continue
        plain = fold(normalise(word))
        if plain != word and frequency > max(frequencies.get(plain, 0.0), found.get(plain, (0.0, ""))[0]):
            found[plain] = (frequency, word)
    return {plain: word for plain, (_frequency, word) in found.items()}


def written(raw: str, language: str) -> str:
    """A word as its language writes it: its diacritics back when it was typed without them."""
    word = raw.lower()
    return written_forms(language).get(word, word) if word.isascii() else word


@functools.lru_cache(maxsize=100_000)
def foreign_key(raw: str, language: str) -> str:
    """A key for a word in another language: its lemma there (вагітних -> вагітна), accents stripped
    and letters folded; an Arabic word's light stem; a word typed without diacritics is read with them."""
    if language == "ar":
        return FOREIGN + arabic_stem(normalise(raw).replace(" ", ""))
    found = simplemma.lemmatize(raw, lang=language)
    if found == raw and (restored := written(raw, language)) != raw.lower():
        found = simplemma.lemmatize(restored, lang=language)
    return FOREIGN + fold(normalise(found)).replace(" ", "")


def foreign_keys(raw: str, language: str) -> tuple[str, ...]:
    """A query word's keys in another language: its key, and for Arabic also its reading without
    a one-letter particle in front ('لطفلي': 'طفل')."""
    first = foreign_key(raw, language)
    if language != "ar":
        return (first,)
    plain = normalise(raw).replace(" ", "")
    readings = [first]
    if plain.startswith(_ARABIC_PARTICLES) and len(plain) >= ARABIC_MIN_STEM + 2:
        readings.append(FOREIGN + arabic_stem(plain[1:]))
    return tuple(dict.fromkeys(readings))


def word_keys(raw: str) -> tuple[str, ...]:
    """The keys a word of unknown language may have: its Dutch key and its keys in the other languages."""
    plain = normalise(raw).replace(" ", "")
    if plain in NEGATORS:
        return (NEGATION,)
    keys = [key(plain)] if script(raw) == "latin" else []
    for language in FOREIGN_BY_SCRIPT[script(raw)]:
        keys.extend(foreign_keys(raw, language))
    return tuple(dict.fromkeys(keys))


@functools.lru_cache(maxsize=100_000)
def key(word: str) -> str:
    """What two forms of one word have in common: the stem of the lemma (bevallingen, bevalling -> bevall)."""
    if word in NEGATORS:
        return NEGATION
    base = lemma(word)
    stemmed = stem(base)
    if base.endswith("ing") and stemmed != base and lexicon().get(stemmed, 0.0) >= ING_STEM_ZIPF:
        # Snowball cuts '-ing': 'regeling' would meet 'regels', 'woning' 'won'. Keep such nouns whole.
        return base
    if base.endswith("en") and stemmed != base and lexicon().get(stemmed, 0.0) >= ROOT_VERB_ZIPF:
        # Snowball shortens the long vowel of a verb: 'slapen' would meet 'slap' (a floppy baby),
        # 'roken' 'rok', 'kopen' 'kop'. Such a verb's key is its own stem ('slaap', 'rook', 'koop'),
        # when that stem is a form of the verb and the shortened one a word of its own.
        spoken = _verb_stem(base)
        if spoken != stemmed and lemma(spoken) == base and lemma(stemmed) != base and _is_verb(base):
            return spoken
    return stemmed


_lexicon: dict[str, float] = {}


def lexicon() -> dict[str, float]:
    """The Dutch lexicon (wordfreq's Dutch frequencies, shipped with the package): word -> Zipf value."""
    if not _lexicon:
        with _lexicon_lock:
            if not _lexicon:
                frequencies = wordfreq.get_frequency_dict("nl", wordlist="large")
                minimum = 10 ** (LEXICON_MIN_ZIPF - 9)
                for word, frequency in frequencies.items():
                    if frequency >= minimum and word.isalpha():
                        plain = normalise(word)
                        _lexicon[plain] = max(_lexicon.get(plain, 0.0), math.log10(frequency) + 9)
    return _lexicon


def is_word(word: str) -> bool:
    return word in lexicon()


def _part_zipf(part: str, head: bool = False) -> float:
    """How common a compound part is; a head may be a verb stem (opvoed-cursus) or a compound itself."""
    if len(part) < MIN_PART:
        return 0.0
    score = lexicon().get(part, 0.0)
    if len(part) == MIN_PART:
        # Three letters ('uur', 'ing', 'nat') only when very common, or suffixes become parts.
        return score if score >= SHORT_PART_MIN_ZIPF else 0.0
    if head:
        score = max(score, lexicon().get(part + "en", 0.0))
        if score < COMPOUND_PART_MIN_ZIPF and len(part) > 2 * MIN_PART and (parts := split_compound(part)):
            score = min(_part_zipf(p, head=True) for p in parts)
    return score


@functools.lru_cache(maxsize=100_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a Dutch compound by the lexicon (borstvoedingscafe -> borstvoeding cafe), or ().

    A split is taken only when its parts are on average more common than the whole word (Koehn and
    Knight's rule on the lexicon's frequencies), so 'bevalling' stays whole and 'kraamzorg' splits;
    a head may carry a linking s/e/en and is split again by the same rule.
    """
    if len(word) < 2 * MIN_PART + 1 or not word.isalpha():
        return ()
    if word.endswith(_ACTIVITY_NOUNS) and _is_verb(word[:-4] + "en"):
        return ()  # 'huilerij' is the crying of 'huilen', not 'huil' + 'rij'
    whole = lexicon().get(word, 0.0)
    best, best_score = (), whole
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        tail_score = _part_zipf(tail)
        if tail_score < COMPOUND_PART_MIN_ZIPF:
            continue
        heads = [head] + [head[: -len(link)] for link in LINKING if head.endswith(link)]
        for candidate in heads:
            head_score = _part_zipf(candidate, head=True)
            score = (head_score + tail_score) / 2
            if head_score >= COMPOUND_PART_MIN_ZIPF and score > best_score:
                best, best_score = (candidate, tail), score
    if not best:
        return ()
    head, tail = best
    return (*(split_compound(head) or (head,)), tail)


@functools.lru_cache(maxsize=100_000)
def compound_pieces(word: str) -> tuple[str, ...]:
    """The parts of a compound and the words they form together: borstvoedingscafe -> borst, voeding,
    cafe, borstvoeding, voedingcafe (so the thesaurus' 'borstvoeding' is found in it)."""
    parts = split_compound(word)
    joined = [
        "".join(parts[start:end])
        for start in range(len(parts))
        for end in range(start + 2, len(parts) + 1)
        if end - start < len(parts)
    ]
    return (*parts, *joined)


def is_content(word: str) -> bool:
    """A word that names something: not a stop word, not a filler around the need, not a number."""
    return (
        (word in NEGATORS or word not in stopwords()) and word not in query_fillers() and not word.isdigit()
    )


def content_keys(text: str) -> list[tuple[str, str]]:
    """(word, key) for the content words of a Dutch text in order; negators stay as one key."""
    return [(word, key(word)) for word in tokens(text) if is_content(word)]


def raw_words(text: str) -> list[tuple[str, str]]:
    """(raw, normalised) words of a text: the raw form keeps the accents other languages' lemmas need."""
    text = _NOT_CONTRACTED.sub(" not", text.lower())
    for contracted, whole in _CONTRACTED_STEMS.items():
        text = text.replace(contracted, whole)
    return [
        (raw, plain)
        for raw in _RAW_WORD.findall(text)
        if (plain := normalise(raw).replace(" ", "")) and raw.strip("_")
    ]


def phrase_keys(text: str, language: str) -> tuple[str, ...]:
    """A thesaurus phrase in a known language as keys: Dutch keys, or the other language's lemmas.

    A phrase in another language loses the words a query loses (stop and function words: 'hamile
    kalmak istiyorum' is 'hamile kalmak', as the query's 'istiyorum' is gone). One that would keep
    one word at most, or lose a word its negation denies ("can't get pregnant", 'no one to talk
    to'), has no keys: it is an idiom (`foreign_idiom`), found word for word."""
    if language == "nl":
        return tuple(part for _word, part in content_keys(text))
    words, lost = _foreign_words(text)
    if len(words) > 1:
        if foreign_idiom(text):
            return ()
        words = [word for word, gone in zip(words, lost, strict=True) if not gone]
    return tuple(NEGATION if plain in NEGATORS else foreign_key(raw, language) for raw, plain in words)


def _foreign_words(text: str) -> tuple[list[tuple[str, str]], list[bool]]:
    """The words of a phrase in another language, and whether a query would lose each of them."""
    words = [(raw, plain) for raw, plain in raw_words(text) if plain not in query_fillers()]
    lost = [
        not is_content(plain) or foreign_filler(raw, plain, FOREIGN_FUNCTION_ZIPF) for raw, plain in words
    ]
    return words, lost


def foreign_idiom(text: str) -> tuple[str, ...]:
    """The words of a phrase in another language that stands for its concept only word for word:
    one that keeps one word at most beside function words and a negation ('people who have been
    through it', 'am I pregnant', 'first year'), or whose negation denies a function word ("can't
    get pregnant", 'nie mam gdzie mieszkać'); () for any other."""
    words, lost = _foreign_words(text)
    plains = [plain for _raw, plain in words]
    if len(plains) < 2:
        return ()
    kept = [plain for plain, gone in zip(plains, lost, strict=True) if not gone and plain not in NEGATORS]
    # (one word left is no phrase: 'am I pregnant' is not every 'pregnant', 'first year' not 'year')
    only_function = len(kept) <= 1 and any(lost)
    denies_function = any(
        plain in NEGATORS and position + 1 < len(plains) and lost[position + 1]
        for position, plain in enumerate(plains)
    )
    # (all its words, as the query's are when idioms are looked for)
    return tuple(plain for _raw, plain in raw_words(text)) if only_function or denies_function else ()


# A word this common (Zipf) in another interface language, and unknown in Dutch or clearly more
# common there than in Dutch, is one of its function or question words ('для', 'için', 'where',
# 'have'): in a query it names no need unless the thesaurus uses it. A thesaurus phrase loses only
# the most common of them (so 'antenatal care' keeps 'care', and a query keeps it too).
FOREIGN_FILLER_ZIPF = 5.5
FOREIGN_FUNCTION_ZIPF = 6.0
# Arabic writes particles and pronouns onto its words, so its words are rarer one by one ('أين',
# where, is 5.1): its thresholds are this much lower.
LESS_BY_LANGUAGE = {"ar": 0.5}
FOREIGN_FILLER_LEAD = 1.5
DUTCH_WORD_ZIPF = 2.5


@functools.lru_cache(maxsize=100_000)
def foreign_filler(raw: str, plain: str, zipf: float = FOREIGN_FILLER_ZIPF) -> bool:
    """A very common word of another interface language that is not (or hardly) a Dutch word."""
    if plain in NEGATORS:
        return False
    dutch = lexicon().get(plain, 0.0)
    for language in FOREIGN_BY_SCRIPT[script(raw)]:
        form = written(raw, language)
        # (an English form of an auxiliary is one too: 'am', "'m" are 'be'; not a Turkish case of a
        # common noun: 'evde' is at home)
        lemmas = (simplemma.lemmatize(form, lang=language),) if language == "en" else ()
        for word in dict.fromkeys((form, *lemmas)):
            there = wordfreq.zipf_frequency(word, language)
            common_there = there >= zipf - LESS_BY_LANGUAGE.get(language, 0.0)
            if common_there and (dutch < DUTCH_WORD_ZIPF or there - dutch >= FOREIGN_FILLER_LEAD):
                return True
    return False


def word_forms(word: str) -> list[str]:
    """A word as the index holds it: itself, its lemma and the parts of its compound."""
    forms = [word]
    base = lemma(word)
    if base != word:
        forms.append(base)
    forms.extend(compound_pieces(base))
    return forms


def indexed_words(text: str) -> list[str]:
    """All words a text is indexed with (its words, lemmas and compound parts), negated words left out.

    'Nu Niet Zwanger' is not about being pregnant: a word right after 'niet' or 'geen' is kept out
    of the positive words, so a search for 'zwanger' does not find it by that word.
    """
    words = tokens(text)
    result: list[str] = []
    negated = False
    for word in words:
        if word in NEGATORS:
            negated = True
            result.append(word)
            continue
        if negated and word not in stopwords():
            negated = False
            continue
        result.extend(word_forms(word))
    return result


# --- a Dutch phonetic key and a derivational root ---------------------------------------------------

# Spellings of one Dutch sound, longest first: a word and its misspelling by ear share the key
# (kraamzorch, kraamzorg; eensaam, eenzaam; babie, baby; consultatsie, consultatie).
_SOUNDS = (
    ("tsie", "ti"),
    ("sch", "s"),
    ("auw", "au"),
    ("ouw", "au"),
    ("eau", "o"),
    ("sg", "s"),
    ("ch", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dt", "t"),
    ("qu", "kw"),
    ("ck", "k"),
    ("ij", "ei"),
    ("y", "i"),
    ("ou", "au"),
    ("ie", "i"),
    ("ee", "e"),
    ("aa", "a"),
    ("oo", "o"),
    ("uu", "u"),
    ("x", "ks"),
    ("v", "f"),
    ("z", "s"),
)
_SOUND_PATTERN = re.compile("|".join(re.escape(spelling) for spelling, _sound in _SOUNDS))
_SOUND_OF = dict(_SOUNDS)
_DOUBLE = re.compile(r"([bcdfgklmnprst])\1")


@functools.lru_cache(maxsize=100_000)
def sound(word: str) -> str:
    """A Dutch phonetic key of a normalised word: its spellings of one sound made one.

    ei/ij/y, au/ou/auw, g/ch, f/v, s/z, c/k (and c/s before e and i), ie/i, long vowels written
    double or single, double consonants single, and a final d as t: 'kraamzorch' and 'kraamzorg',
    'eensaam' and 'eenzaam', 'babie' and 'baby' sound the same.
    """
    text = re.sub(r"c(?=[eiy])", "s", word)
    text = text.replace("c", "k") if "ch" not in text else re.sub(r"c(?!h)", "k", text)
    text = _SOUND_PATTERN.sub(lambda match: _SOUND_OF[match.group(0)], text)
    text = _DOUBLE.sub(r"\1", text)
    if text.endswith("d"):
        text = text[:-1] + "t"
    return text


# A verb this common in Dutch is the base of a derived noun or form ('voeding' of 'voeden').
ROOT_VERB_ZIPF = 3.0
_VOWELS = "aeiou"
# Nouns of an activity made of a verb: huil-erij, schreeuw-erij, plag-erij (and -arij after -aar).
_ACTIVITY_NOUNS = ("erij", "arij")
_DIMINUTIVES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")
# The informal diminutive in -ie (Brabant, Amsterdam, child talk: 'flessie', 'slaappie', 'tuttie'):
# taken back to its word when the form itself is no word of this commonness ('pappie', 'koppie'
# and 'familie' are) and the word it is made of is at least this common.
IE_FORM_ZIPF = 2.5
_IE_ENDINGS = ("ies", "ie")


def _ie_form_base(word: str) -> str:
    """The word an informal diminutive in -ie is made of, its doubled consonant single again
    ('flessie' -> fles, 'prakkie' -> prak, 'huilie' -> huil), or ''."""
    if lexicon().get(word, 0.0) >= IE_FORM_ZIPF:
        return ""
    for ending in _IE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if base[-1] == base[-2] and base[-1] not in _VOWELS:
                base = base[:-1]
            if lexicon().get(base, 0.0) >= IE_FORM_ZIPF:
                return base
    return ""


# Parts that strengthen the adjective they are written together with ('supermoe', 'doodsbang',
# 'keihard', 'kotsmisselijk', 'stikjaloers'), longest first; the adjective is what a parent means.
_INTENSIFYING_PARTS = tuple(
    sorted(
        (
            *("super", "mega", "hyper", "ultra", "kei", "knetter", "hartstikke", "reuze", "reuzen"),
            *("dood", "doods", "honds", "bloed", "stik", "kots", "loei", "snoei", "kapot", "bere"),
        ),
        key=lambda part: (-len(part), part),
    )
)
# What is left must be a word this common, and not so common that it names nothing ('doodgaan').
INTENSIFIED_MIN_ZIPF = 3.0
INTENSIFIED_MAX_ZIPF = 5.5


@functools.lru_cache(maxsize=50_000)
def unintensified(word: str) -> str:
    """The word a compound with an intensifying first part strengthens ('supermoe' -> moe,
    'doodsbang' -> bang, 'keiharde' -> harde, 'megastress' -> stress), or ''. Whether the whole
    word is itself a word the search knows ('doodgeboren', 'supermarkt') is for the caller to weigh."""
    for part in _INTENSIFYING_PARTS:
        rest = word[len(part) :]
        common = INTENSIFIED_MIN_ZIPF <= lexicon().get(rest, 0.0) < INTENSIFIED_MAX_ZIPF
        if word.startswith(part) and len(rest) >= 3 and common:
            return rest
    return ""


def _verb_stem(verb: str) -> str:
    """The stem of a Dutch verb, its 'ik' form: slapen -> slaap, bellen -> bel, lezen -> lees;
    ruzien (ruziën) -> ruzie; stressen -> stress (a common word that stem, and 'stres' none)."""
    if verb.endswith("ien") and lexicon().get(verb[:-1], 0.0) >= ROOT_VERB_ZIPF:
        return verb[:-1]
    base = verb[:-2]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        if lexicon().get(base, 0.0) >= DOUBLED_STEM_ZIPF and lexicon().get(base[:-1], 0.0) < ROOT_VERB_ZIPF:
            return base
        return base[:-1]
    if base[-1] == "v":
        base = base[:-1] + "f"
    elif base[-1] == "z":
        base = base[:-1] + "s"
    if len(base) >= 3 and base[-1] not in _VOWELS and base[-2] in "aeou" and base[-3] not in _VOWELS:
        long = base[:-1] + base[-2] + base[-1]  # an open syllable: slap-en -> slaap, not regel-en -> regeel
        if long in lexicon():
            return long
    return base


def _is_verb(word: str, zipf: float = ROOT_VERB_ZIPF) -> bool:
    return word.endswith("en") and len(word) >= 5 and lexicon().get(word, 0.0) >= zipf


# A verb this common is the base of a participle, a present participle or a noun in -ing that the
# lemmatiser does not know (gestrest -> stressen, ruziende -> ruzien, uitputting -> uitputten); the
# verb then names a common word too (its stem or the word it is made of), so the join is checked twice.
DERIVED_VERB_ZIPF = 2.4
# A stem with a doubled consonant this common ('stress') stays whole when the single one is no word.
DOUBLED_STEM_ZIPF = 4.0
# Inseparable prefixes take no ge- in the participle (verslaafd, beschermd, ontspannen).
_INSEPARABLE = ("be", "ver", "ont", "her")
# Separable particles before 'ge' in a participle (opgevoed, uitgeput, afgekolfd).
_PARTICLES = (
    *("terug", "samen", "door", "over", "voor", "mee", "weg", "toe"),
    *("aan", "uit", "op", "af", "in", "na", "om", "bij"),
)
# Verbs of Romance origin in -eren and their nouns (vaccineren, vaccinatie; adopteren, adoptie;
# masseren, massage; controleren, controle), and adjectives and their nouns (depressief,
# depressie; allergisch, allergie): the noun's ending, what replaces it to form the verb or noun.
_ROMANCE_NOUNS = (("atie", "eren"), ("tie", "teren"), ("age", "eren"), ("e", "eren"))
_ROMANCE_ADJECTIVES = (("ief", "ie"), ("isch", "ie"))
# A word and its derivation both this common have drifted apart in meaning (organisatie and
# organiseren, positief and positie, actief and actie): they are not joined.
DRIFTED_ZIPF = 4.5


def _drifted(one: str, other: str) -> bool:
    return min(lexicon().get(one, 0.0), lexicon().get(other, 0.0)) >= DRIFTED_ZIPF


def _infinitives(stem: str) -> list[str]:
    """The infinitives a verb stem may belong to in Dutch spelling: stress -> stressen, verslaaf ->
    verslaven, uitput -> uitputten, pest -> pesten."""
    forms = [stem + "en"]
    if len(stem) >= 3 and stem[-1] not in _VOWELS:
        if stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            forms.append(stem + stem[-1] + "en")  # a short vowel: uitput-ten
        if len(stem) >= 4 and stem[-2] == stem[-3] and stem[-2] in "aeou":
            closed = stem[:-2] + {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
            forms.append(closed + "en")  # a long vowel in an open syllable: verslaaf -> verslaven
    if stem.endswith("f"):
        forms.append(stem[:-1] + "ven")
    if stem.endswith("s"):
        forms.append(stem[:-1] + "zen")
    return forms


def separable_verb(particle: str, verb: str) -> str:
    """The infinitive a separable verb's parts form, when the lexicon has it ('voor' and 'leest':
    voorlezen; 'op', 'voed': opvoeden), or ''."""
    if particle not in _PARTICLES or len(verb) < 2:
        return ""
    whole = particle + lemma(verb)
    return whole if _is_verb(whole, DERIVED_VERB_ZIPF) else ""


def _participle_verbs(form: str) -> list[str]:
    """The verbs a participle or past form the lemmatiser does not know may come from: gestrest,
    gestreste -> stressen; uitgeput -> uitputten; ruziende -> ruzien."""
    if form.endswith(("de", "te")):
        form = form[:-1]
    if not form.endswith(("d", "t")) or len(form) < 6:
        return []
    stems = []
    # the final d or t is the ending (gestrest) or the stem's own (uitgeput: put-ten)
    for whole in (form[:-1], form):
        for particle in ("", *_PARTICLES):
            if whole.startswith(particle + "ge") and len(whole) - len(particle) >= 5:
                stems.append(particle + whole[len(particle) + 2 :])
        if not stems and whole.startswith(_INSEPARABLE):
            stems.append(whole)  # no ge- after be-, ver-, ont-, her-: verslaafd
    return [verb for candidate in stems for verb in _infinitives(candidate)]


@functools.lru_cache(maxsize=200_000)
def root(word: str) -> str:
    """The derivational root of a normalised Dutch word: forms and derivations of one verb, noun or
    adjective share it where the lemma and Snowball's stem do not.

    voeding, voeden -> voed; gehuil, huilen, huilend -> huil; slaap, slapen, geslapen -> slaap;
    scheiding, gescheiden -> scheid; ruzietje -> ruzie; somberheid -> somber; opvoeder -> opvoed;
    flessie -> the root of fles.
    A form is only taken back to a verb that is a common word of the lexicon.
    """
    if not word.isalpha() or not word.isascii() or len(word) < 4:
        return word
    base = lemma(word)
    smaller = [
        form[: -len(ending)]
        for form in (word, base)
        for ending in _DIMINUTIVES
        if form.endswith(ending) and lexicon().get(form[: -len(ending)], 0.0) >= ROOT_VERB_ZIPF
    ]
    if smaller:
        # the most common of the words a diminutive may be made of: ruzie-tje, not ruzi-etje
        base = lemma(max(smaller, key=lambda part: (lexicon()[part], part)))
    elif ie_base := _ie_form_base(word):
        base = lemma(ie_base)
    if base.endswith("heid") and len(base) > 7 and base[:-4] in lexicon():
        return base[:-4]
    verbs = []
    if base.endswith("ing") and len(base) >= 6:
        verbs.append(base[:-3] + "en")
    if base.endswith(("end", "ende")) and len(base) >= 6:
        verbs.append(base[: base.rindex("end")] + "en")
    if base.startswith("ge") and len(base) >= 6:
        verbs.append(base[2:] + "en")
    if base.endswith("er") and len(base) >= 6:
        verbs.append(base[:-2] + "en")
    if base.endswith(_ACTIVITY_NOUNS) and len(base) >= 7:
        verbs.append(base[:-4] + "en")  # huilerij, plagerij: the doing of the verb
    verbs.append(base)
    for verb in verbs:
        if _is_verb(verb) and lemma(verb) == verb:
            return _verb_stem(verb)
    for ending, noun_ending in _ROMANCE_ADJECTIVES:
        noun = base[: -len(ending)] + noun_ending
        if base.endswith(ending) and lexicon().get(noun, 0.0) >= ROOT_VERB_ZIPF and not _drifted(base, noun):
            return root(noun)
    singular = base[:-1]
    if (
        base.endswith("s")
        and len(base) >= 5
        and singular[-1] in "aoiuy"
        and lexicon().get(base, 0.0) < lexicon().get(singular, 0.0)
        and lexicon()[singular] >= ROOT_VERB_ZIPF
    ):
        return root(singular)  # a plural in -s typed without its apostrophe (babys, papas), rarer
    derived = [base]  # a verb the lexicon finds rare (ruzien), or the lemmatiser took the word to
    if base.endswith("erig") and len(base) >= 7:
        derived.append(base[:-4] + "en")  # huilerig, slaperig: a tendency to do the verb
    if base.endswith(("ing", "end", "ende")) and len(base) >= 6:
        derived.append(verbs[0])
    derived.extend(_participle_verbs(word))
    for ending, verb_ending in _ROMANCE_NOUNS:
        if base.endswith(ending) and len(base) >= 6:
            derived.append(base[: -len(ending)] + verb_ending)
    for verb in derived:
        if _is_verb(verb, DERIVED_VERB_ZIPF) and lemma(verb) == verb and not _drifted(base, verb):
            return _verb_stem(verb)
    return base


# A word no Dutch lexicon explains that is this common (Zipf) in another interface language is a
# real word there.
FOREIGN_WORD_ZIPF = 3.0


def rather_foreign(raw: str, plain: str) -> bool:
    """A Latin-script word far more common in another interface language than in Dutch ('syn',
    'year', 'trying'): in a query it is that language's word, not a Dutch one."""
    if script(raw) != "latin":
        return False
    dutch = lexicon().get(plain, 0.0)
    for language in FOREIGN_BY_SCRIPT["latin"]:
        there = wordfreq.zipf_frequency(written(raw, language), language)
        if there >= FOREIGN_WORD_ZIPF and there - dutch >= FOREIGN_FILLER_LEAD:
            return True
    return False
