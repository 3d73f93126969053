"""Generated query sets for the search: realistic Dutch misspellings and other forms of a word, seeded.

Usage:

    .venv/bin/python benchmarks/search_variants.py                 # typos and inflections, dev + demo
    .venv/bin/python benchmarks/search_variants.py --reuse --set typos --verbose
    .venv/bin/python benchmarks/search_variants.py --show --set inflections   # print the queries only

The sources are the Dutch queries of the evaluation set's **dev half** and of the demo set
(tests/search); the test half is never read. Each generated query replaces one word of a source
query (or joins or splits words) and keeps the source's judgments, so recall@5 and nDCG@10 are
computed as in `benchmarks/search_quality.py`, through the same API. The dev half's no-answer
queries are misspelled too: they must still find nothing.

Typos, by kind (each a pure function of the word and a seeded `random.Random`):

* `phonetic`: a Dutch sound spelled another way (ei/ij, au/ou, g/ch, f/v, s/z, d/t/dt at the end,
  c/k, ie/i, eu/ue, a double vowel or consonant single and the other way round: kraamzorch);
* `english`: a Dutch word spelled the English way (babie, vooding, yeugd, craam);
* `two_edits`: two random edits in a word of 10 letters or more;
* `short_edit`: one random edit in a word of 5 to 7 letters;
* `keyboard`: a letter replaced by, or doubled with, its neighbour on a QWERTY keyboard;
* `split`: a compound typed as two words or with a hyphen (borst voeding, kraam-zorg);
* `joined`: two words of the query typed as one;
* `accents`: diacritics left out (financiele), where the word has any.

Inflections: another form of the lemma of one content word: its forms in simplemma's Dutch
dictionary (huilend, gehuild, slaapt, geslapen) and Dutch derivations (voeden/voeding, huilen/gehuil,
scheiden/scheiding, somber/somberheid, opvoeden/opvoeder), kept only when the form is a real word
of wordfreq's Dutch list (Zipf 2 or more) and not the word's own key already.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.search_quality import (  # noqa: E402
    DEMO_SLUG,
    EVALUATION_SLUG,
    demo_queries,
    evaluate,
    figure,
    load_queries,
    no_answer,
    print_misses,
    print_table,
)

SEEDS = (1, 2)
VOWELS = "aeiou"
# A form of a word counts as real Dutch when wordfreq's list has it at least this common.
REAL_FORM_ZIPF = 2.0

# (pattern, replacement): one match, chosen at random, is replaced.
PHONETIC = (
    ("ei", "ij"),
    ("ij", "ei"),
    ("au", "ou"),
    ("ou", "au"),
    ("ch", "g"),
    ("g(?=[^aeiouh]|$)", "ch"),
    ("v", "f"),
    ("f", "v"),
    ("z", "s"),
    ("(?<=[aeiou])s(?=[aeiou])", "z"),
    ("dt$", "t"),
    ("d$", "t"),
    ("t$", "dt"),
    ("c(?=[aou])", "k"),
    ("c(?=[ei])", "s"),
    ("k", "c"),
    ("ie", "i"),
    ("(?<![aeiou])i(?=[^aeiouej])", "ie"),
    ("eu", "ue"),
    ("ui", "uy"),
    ("aa", "a"),
    ("ee", "e"),
    ("oo", "o"),
    ("uu", "u"),
    ("(?<=[^aeiou])a(?=[^aeiou][^aeiou])", "aa"),
    ("(?<=[^aeiou])o(?=[^aeiou][^aeiou])", "oo"),
    (r"([bdfgklmnprst])\1", r"\1"),
    ("(?<=[aeiou])([bdfgklmnprt])(?=[aeiou])", r"\1\1"),
    ("sch", "s"),
    ("tie", "tsie"),
    ("eau", "o"),
    ("y", "ij"),
    ("th", "t"),
)
ENGLISH = (
    ("oe", "oo"),
    ("ie", "ee"),
    ("ij", "ai"),
    ("ei", "ai"),
    ("^j", "y"),
    ("k(?=[aou])", "c"),
    ("kw", "qu"),
    ("ks", "x"),
    ("y$", "ie"),
    ("y(?=[^aeiou])", "ie"),
    ("sch", "sk"),
    ("(?<=[^aeiou])u(?=[^aeiou])", "oo"),
    ("aa", "ah"),
)
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for row_number, row in enumerate(KEYBOARD_ROWS):
        for column, char in enumerate(row):
            near = found.setdefault(char, set())
            for other_row in range(max(0, row_number - 1), min(len(KEYBOARD_ROWS), row_number + 2)):
                for other_column in (column - 1, column, column + 1):
                    if 0 <= other_column < len(KEYBOARD_ROWS[other_row]):
                        near.add(KEYBOARD_ROWS[other_row][other_column])
            near.discard(char)
    return {char: "".join(sorted(near)) for char, near in found.items()}


NEIGHBOURS = _neighbours()


# --- the language tools the generator uses (wordfreq's and simplemma's data, not the search's) ----


@functools.cache
def zipf_nl() -> dict[str, float]:
    import math

    import wordfreq

    return {
        word: math.log10(frequency) + 9
        for word, frequency in wordfreq.get_frequency_dict("nl", wordlist="large").items()
        if word.isalpha()
    }


def is_dutch_word(word: str, zipf: float = REAL_FORM_ZIPF) -> bool:
    return zipf_nl().get(word, 0.0) >= zipf


@functools.cache
def simplemma_forms() -> dict[str, set[str]]:
    """simplemma's Dutch dictionary turned round: lemma -> its forms."""
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    forms: dict[str, set[str]] = {}
    for form, lemma in DEFAULT_DICTIONARY_FACTORY.get_dictionary("nl").items():
        form, lemma = str(form).lower(), (lemma.decode() if isinstance(lemma, bytes) else str(lemma)).lower()
        if form.isalpha() and lemma.isalpha():
            forms.setdefault(lemma, set()).add(form)
    return forms


def simplemma_lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="nl").lower()


def is_dutch_query(text: str) -> bool:
    """Whether a query is Dutch: no word of it is more common in English, Turkish or Polish."""
    import wordfreq

    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words or any(not word.isascii() and not strip_accents(word).isascii() for word in words):
        return False
    for word in words:
        dutch = wordfreq.zipf_frequency(word, "nl")
        if any(wordfreq.zipf_frequency(word, other) > dutch + 0.5 for other in ("en", "tr", "pl")):
            return False
    return True


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.cache
def stop_words() -> frozenset[str]:
    path = ROOT / "src" / "ookbalans" / "search" / "data" / "stopwords_nl.txt"
    return frozenset(
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and line[0] != "#"
    )


# A word this common names no need ('sinds', 'misschien'): a typo in it tests nothing of interest.
NEED_ZIPF = 5.0


def content_positions(words: list[str], shortest: int = 4) -> list[int]:
    """The positions of the words that may carry the need: not stop words, not very common words."""
    found = [
        i
        for i, word in enumerate(words)
        if len(word.strip(".,?!")) >= shortest and word.strip(".,?!").isalpha() and word not in stop_words()
    ]
    rare = [i for i in found if zipf_nl().get(words[i].strip(".,?!"), 0.0) < NEED_ZIPF]
    return rare or found


# --- typos: one function per kind, each (word, rng) -> misspelt word or "" ------------------------


def _substitute(word: str, rules, rng: random.Random) -> str:
    options = []
    for pattern, replacement in rules:
        for match in re.finditer(pattern, word):
            options.append(word[: match.start()] + match.expand(replacement) + word[match.end() :])
    options = sorted({option for option in options if option != word})
    return rng.choice(options) if options else ""


def phonetic(word: str, rng: random.Random) -> str:
    return _substitute(word, PHONETIC, rng) if len(word) >= 4 else ""


def english(word: str, rng: random.Random) -> str:
    return _substitute(word, ENGLISH, rng) if len(word) >= 4 else ""


def _edit(word: str, rng: random.Random, avoid: set[int]) -> tuple[str, int]:
    """One random edit (delete, insert, substitute, transpose) not at the first letter."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _attempt in range(20):
        position = rng.randrange(1, len(word))
        if position in avoid:
            continue
        operation = rng.choice(("delete", "insert", "substitute", "transpose"))
        if operation == "delete":
            return word[:position] + word[position + 1 :], position
        if operation == "insert":
            return word[:position] + rng.choice(letters) + word[position:], position
        if operation == "substitute":
            other = rng.choice([c for c in letters if c != word[position]])
            return word[:position] + other + word[position + 1 :], position
        if position + 1 < len(word) and word[position] != word[position + 1]:
            return word[:position] + word[position + 1] + word[position] + word[position + 2 :], position
    return word, -1


def two_edits(word: str, rng: random.Random) -> str:
    if len(word) < 10:
        return ""
    once, first = _edit(word, rng, set())
    twice, _second = _edit(once, rng, {first - 1, first, first + 1})
    return twice if twice != word else ""


def short_edit(word: str, rng: random.Random) -> str:
    if not 5 <= len(word) <= 7:
        return ""
    once, _position = _edit(word, rng, set())
    return once if once != word else ""


def keyboard(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return ""
    positions = [i for i in range(1, len(word)) if word[i] in NEIGHBOURS]
    if not positions:
        return ""
    position = rng.choice(positions)
    near = rng.choice(NEIGHBOURS[word[position]])
    if rng.random() < 0.5:
        return word[:position] + near + word[position + 1 :]
    return word[: position + 1] + near + word[position + 1 :]


def compound_cuts(word: str) -> list[tuple[str, str]]:
    """Where a compound can be cut into two Dutch words (a linking s or e stays with the head)."""
    cuts = []
    for cut in range(3, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        heads = [head] + [head[:-1] for link in ("s", "e") if head.endswith(link)]
        if is_dutch_word(tail, 3.5) and any(is_dutch_word(h, 3.5 if len(h) > 3 else 4.5) for h in heads):
            cuts.append((head, tail))
    return cuts


def split(word: str, rng: random.Random) -> str:
    cuts = compound_cuts(word)
    if not cuts:
        return ""
    head, tail = rng.choice(cuts)
    return f"{head}{rng.choice((' ', '-'))}{tail}"


def accents(word: str, rng: random.Random) -> str:
    plain = strip_accents(word)
    return plain if plain != word else ""


TYPO_KINDS = {
    "phonetic": phonetic,
    "english": english,
    "two_edits": two_edits,
    "short_edit": short_edit,
    "keyboard": keyboard,
    "split": split,
    "accents": accents,
}


def joined(words: list[str], rng: random.Random) -> list[str]:
    """Two neighbouring words typed as one, at least one of them a content word."""
    pairs = [i for i in range(len(words) - 1) if set(content_positions(words, 3)) & {i, i + 1}]
    if not pairs:
        return []
    i = rng.choice(pairs)
    return [*words[:i], words[i] + words[i + 1], *words[i + 2 :]]


def typo_variants(query: dict, seeds=SEEDS) -> list[dict]:
    """The query with one word misspelt, per kind and seed (duplicates dropped)."""
    words = query["query"].lower().split()
    made, seen = [], {query["query"].lower()}
    for seed in seeds:
        for kind in [*TYPO_KINDS, "joined"]:
            rng = random.Random(f"{seed}-{kind}-{query['id']}")
            if kind == "joined":
                new = joined(words, rng)
            else:
                positions = content_positions(words)
                rng.shuffle(positions)
                new = []
                for position in positions:
                    word = words[position].strip(".,?!")
                    if wrong := TYPO_KINDS[kind](word, rng):
                        new = [*words[:position], wrong, *words[position + 1 :]]
                        break
            text = " ".join(new)
            if new and text not in seen:
                seen.add(text)
                made.append(
                    {
                        **query,
                        "id": f"{query['id']}-{kind}-{seed}",
                        "query": text,
                        "kind": kind,
                        "source": query["id"],
                    }
                )
    return made


# --- inflections ----------------------------------------------------------------------------------


def _verb_stem(verb: str) -> str:
    """The stem of a Dutch verb (the 'ik' form): slapen -> slaap, bellen -> bel, lezen -> lees."""
    if not verb.endswith("en") or len(verb) < 5:
        return ""
    base = verb[:-2]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
        return base[:-1]
    if base[-1] == "v":
        base = base[:-1] + "f"
    elif base[-1] == "z":
        base = base[:-1] + "s"
    if len(base) >= 3 and base[-2] in VOWELS and base[-3] not in VOWELS and base[-1] not in VOWELS:
        base = base[:-1] + base[-2] + base[-1]  # open syllable: slap-en -> slaap
    return base


def derivations(word: str) -> set[str]:
    """Dutch derivations of a word's lemma (noun and verb, ge- nouns, -heid, -er, participles)."""
    lemma = simplemma_lemma(word)
    found: set[str] = set()
    verbs = {lemma} if lemma.endswith("en") else set()
    if lemma.endswith("ing"):
        verbs |= {lemma[:-3] + "en", lemma[:-3] + lemma[-4] + "en"}
    if lemma.startswith("ge"):
        verbs |= {lemma[2:] + "en"}
    if lemma.endswith("er"):
        verbs |= {lemma[:-2] + "en"}
    if lemma.endswith("heid"):
        found.add(lemma[:-4])
    elif not lemma.endswith("en"):
        found.add(lemma + "heid")
    for verb in verbs:
        if not is_dutch_word(verb, 3.0):
            continue
        found.add(verb)
        stem = _verb_stem(verb)
        if not stem:
            continue
        short = verb[:-2]
        found |= {short + "ing", "ge" + stem, stem + "er", verb + "d", stem + "t", "ge" + stem + "d", stem}
        found |= {"ge" + stem + "t", short + "ing" + "en"}
    return found


def inflections(word: str) -> list[str]:
    """Other real forms of the word's lemma (simplemma's forms and derivations); of a compound, the
    forms of its last part after the same head (borstvoeding -> borstvoeden)."""
    lemma = simplemma_lemma(word)
    forms = {
        form for form in set(simplemma_forms().get(lemma, ())) | derivations(word) if is_dutch_word(form)
    }
    for head, tail in compound_cuts(word):
        if len(tail) >= 5:
            tails = set(simplemma_forms().get(simplemma_lemma(tail), ())) | derivations(tail)
            forms |= {head + form for form in tails if is_dutch_word(form, 3.0) and form != tail}
    return sorted(form for form in forms if form != word and len(form) >= 4 and form.isalpha())


def inflection_variants(query: dict, most: int = 4) -> list[dict]:
    """The query with one content word in another form; kind `inflection` when the search's key of
    the form differs from the word's (Snowball and simplemma do not join them), else `same_key`."""
    from ookbalans.search.language import key

    words = query["query"].lower().split()
    made = []
    for position in content_positions(words):
        word = words[position].strip(".,?!")
        forms = inflections(word)
        random.Random(f"{query['id']}-{word}").shuffle(forms)
        for form in forms[:most]:
            text = " ".join([*words[:position], form, *words[position + 1 :]])
            kind = "same_key" if key(form) == key(word) else "inflection"
            made.append(
                {**query, "id": f"{query['id']}-{form}", "query": text, "kind": kind, "source": query["id"]}
            )
    return made


# --- the sources -----------------------------------------------------------------------------------


def sources() -> dict[str, list[dict]]:
    """The Dutch queries of the dev half (answerable, and no-answer apart) and of the demo set."""
    # The dev half's own typo queries are typos already: not misspelt a second time.
    dev = [
        q
        for q in load_queries()
        if q["half"] == "dev" and q.get("language", "nl") == "nl" and q["kind"] != "typo"
    ]
    return {
        "dev": [q for q in dev if q["judgments"]],
        "dev no answer": [q for q in dev if not q["judgments"]],
        "demo": [q for q in demo_queries() if is_dutch_query(q["query"])],
    }


def generated(which: str, seeds=SEEDS) -> dict[tuple[str, str], list[dict]]:
    """(source, set) -> queries."""
    sets = {}
    for name, queries in sources().items():
        if which in ("typos", "both"):
            sets[(name, "typos")] = [v for q in queries for v in typo_variants(q, seeds)]
        if which in ("inflections", "both"):
            sets[(name, "inflections")] = [v for q in queries for v in inflection_variants(q)]
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'search-quality.sqlite3'}"
    parser.add_argument("--database-url", default=default_url)
    parser.add_argument("--set", choices=("typos", "inflections", "both"), default="both")
    parser.add_argument(
        "--reuse", action="store_true", help="the database is prepared already (search_quality.py)"
    )
    parser.add_argument("--show", action="store_true", help="print the generated queries and stop")
    parser.add_argument(
        "--seeds", default=",".join(map(str, SEEDS)), help="typo seeds (1,2 tuned on; 3,4 held out)"
    )
    parser.add_argument("--verbose", action="store_true", help="print the misses")
    args = parser.parse_args()

    from benchmarks.national_catalogue import setup_django
    from benchmarks.search_quality import api_client, prepare

    if args.reuse:
        setup_django(args.database_url)
    else:
        (ROOT / "var").mkdir(exist_ok=True)
        prepare(args.database_url)
    sets = generated(args.set, tuple(int(seed) for seed in args.seeds.split(",")))
    if args.show:
        for (source, name), queries in sets.items():
            print(f"\n{source} / {name} ({len(queries)})")
            for query in queries:
                print(f"  [{query['kind']}] {query['query']}")
        return

    from django.db import connection

    from ookbalans.catalogue.models import Service

    client = api_client()
    clean = {}
    for source, queries in sources().items():
        slug = DEMO_SLUG if source == "demo" else EVALUATION_SLUG
        clean.update({r["id"]: r for r in evaluate(client, slug, queries)["results"]})
    print(f"Generated sets on {connection.vendor} (clean: the figures of the queries they were made from)\n")
    rows, kind_rows, misses = [], [], []
    for (source, name), queries in sets.items():
        slug = DEMO_SLUG if source == "demo" else EVALUATION_SLUG
        result = evaluate(client, slug, queries)
        for row, query in zip(result["results"], queries, strict=True):
            row["clean"] = clean[query["source"]]
        rows.append([f"{source} {name}", str(len(queries)), *_cells(result["results"])])
        for kind in sorted({r["kind"] for r in result["results"]}):
            of_kind = [r for r in result["results"] if r["kind"] == kind]
            kind_rows.append([f"{source} {name}", kind, str(len(of_kind)), *_cells(of_kind)])
        misses.append((f"{source} {name}", [r for r in result["results"] if _worse(r)]))
    header = ["set", "queries", "recall@5", "nDCG@10", "clean r@5 / nDCG", "no answer -> nothing"]
    print_table(header, rows)
    print()
    print_table(["set", "kind", *header[1:]], kind_rows)
    if args.verbose:
        names = {str(pk): name for pk, name in Service.objects.values_list("pk", "name_nl")}
        for label, results in misses:
            print(f"\nWorse than clean, {label}:")
            print_misses(results, names)


def _cells(results: list[dict]) -> list[str]:
    from benchmarks.search_quality import summarise

    summary = summarise(results)
    answerable = [r["clean"] for r in results if r["answerable"]]
    clean = summarise(answerable) if answerable else None
    return [
        figure(summary["recall_at_5"]),
        figure(summary["ndcg_at_10"]),
        f"{figure(clean['recall_at_5'])} / {figure(clean['ndcg_at_10'])}" if clean else "-",
        no_answer(summary),
    ]


def _worse(result: dict) -> bool:
    if not result["answerable"]:
        return bool(result["ranking"])
    return result["ndcg"] < result["clean"]["ndcg"] - 0.01 or result["recall"] < result["clean"]["recall"]


if __name__ == "__main__":
    main()
