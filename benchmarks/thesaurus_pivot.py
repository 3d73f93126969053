"""Proposes Dutch words for thesaurus concepts through English glosses (FreeDict), for review by hand.

Usage (Debian: `apt-get install dict-freedict-nld-eng dict-freedict-eng-nld`):

    .venv/bin/python benchmarks/thesaurus_pivot.py [--all]

A Dutch word is proposed for a concept when the Dutch-English dictionary glosses it with one of the
concept's English words *and* the English-Dutch dictionary gives it back for that word (or two of
the concept's English words gloss it), it is not in the thesaurus yet, and wordfreq knows it at
Zipf 1.5-5 (a real word, not a function word). `--all` prints the one-way proposals too. The
dictionaries are old (FreeDict's Ergane data, GPL-2.0-or-later) and their English words are often
ambiguous ('course' -> 'schotel'), so most proposals are wrong: nothing is added without review.
What was taken is listed with its gloss in src/ookbalans/framework/data/thesaurus_freedict.tsv.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THESAURUS = ROOT / "src" / "ookbalans" / "framework" / "data" / "thesaurus.json"
DICTD = Path("/usr/share/dictd")
HEADWORD = re.compile(r"^(\S.*?) /[^/]*/\s*$")


def read_dictionary(name: str) -> dict[str, list[str]]:
    """A dictd FreeDict dictionary ('nld-eng') as headword -> its glosses."""
    with gzip.open(DICTD / f"freedict-{name}.dict.dz") as compressed:
        text = compressed.read().decode("utf-8")
    entries: dict[str, list[str]] = {}
    head = None
    for line in text.split("\n"):
        if match := HEADWORD.match(line):
            head = plain(match.group(1))
            entries.setdefault(head, [])
        elif head is not None and line.strip():
            glosses = re.sub(r"^\s*\d+\.\s*", "", line.strip())
            entries[head].extend(plain(gloss) for gloss in glosses.split(",") if gloss.strip())
    return entries


def plain(word: str) -> str:
    return " ".join(word.replace("\u2010", "-").replace("\u0133", "ij").lower().split())


def proposals(thesaurus: dict, dutch_english: dict, english_dutch: dict) -> dict[tuple[str, str], set[str]]:
    """(Dutch word, concept code) -> the reasons ('nld-eng:sad', 'eng-nld:sad') it is proposed."""
    concepts = thesaurus["concepts"]
    have = {plain(word) for concept in concepts for word in [concept["nl"], *concept["nl_words"]]}
    by_english: dict[str, set[str]] = {}
    for concept in thesaurus["concepts"]:
        for word in concept["en"]:
            by_english.setdefault(plain(word), set()).add(concept["code"])
    found: dict[tuple[str, str], set[str]] = {}
    for english, codes in by_english.items():
        for dutch in english_dutch.get(english, ()):
            if dutch not in have:
                for code in codes:
                    found.setdefault((dutch, code), set()).add(f"eng-nld:{english}")
    for dutch, glosses in dutch_english.items():
        if dutch in have:
            continue
        for gloss in glosses:
            for code in by_english.get(gloss, ()):
                found.setdefault((dutch, code), set()).add(f"nld-eng:{gloss}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also one-way proposals")
    args = parser.parse_args()
    from wordfreq import zipf_frequency

    thesaurus = json.loads(THESAURUS.read_text(encoding="utf-8"))
    found = proposals(thesaurus, read_dictionary("nld-eng"), read_dictionary("eng-nld"))
    shown = 0
    for (dutch, code), reasons in sorted(found.items(), key=lambda item: (item[0][1], item[0][0])):
        glosses = {reason.split(":", 1)[1] for reason in reasons}
        both_ways = {reason.split(":")[0] for reason in reasons} == {"nld-eng", "eng-nld"}
        zipf = zipf_frequency(dutch, "nl")
        if args.all or ((both_ways or len(glosses) >= 2) and 1.5 <= zipf < 5):
            print(f"{code:30} {dutch:28} {zipf:4.1f}  {', '.join(sorted(reasons))}")
            shown += 1
    print(f"\n{shown} proposals of {len(found)}")


if __name__ == "__main__":
    main()
