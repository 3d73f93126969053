"""Score distributions behind the relevance floor and the relative cut, on the development queries only.

Usage:

    .venv/bin/python benchmarks/search_scores.py
    .venv/bin/python benchmarks/search_scores.py --queries   # also one line per query

Every development query (the evaluation set's dev half, the demo set, the dev parts of the split own
sets and the unsplit own sets) is asked through the API as `search_quality.py` asks it, and the
ranking's list *before* the relevance floor (`ranking.above_floor`) is recorded. Printed: the best fit
(the score the floor looks at) of answerable and of no-answer queries; the decisions of the whole
floor at other values of `ranking.RELEVANCE_FLOOR` (answerable queries kept, no-answer queries emptied,
and the wrong decisions of both together); and the scores of relevant (grade >= 2) and of other hits
as a share of the best hit's, for the relative cut. The rules that chose the constants are in
docs/finder.md ("Ranking and the relevance floor"). Never reads the evaluation set's test half or
the own sets' test parts.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OWN_SETS = ("vocab", "infl", "need", "sentences", "everyday_words")
FLOORS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
CUTS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def _id(pk) -> str:
    """A service id as the judgments write it (SQLite gives the hex digits)."""
    return str(uuid.UUID(str(pk)))


def quantiles(values: list[float]) -> str:
    """n, min, 10 %, 25 %, 50 %, 75 %, 90 % and max of the values."""
    if not values:
        return "-"
    ordered = sorted(values)
    shares = (0, 0.1, 0.25, 0.5, 0.75, 0.9)
    points = [ordered[min(len(ordered) - 1, int(share * len(ordered)))] for share in shares]
    shown = "  ".join(f"{value:.2f}" for value in points)
    return f"n={len(values):4d}  {shown}  max {ordered[-1]:.2f}"


def development_queries() -> list[tuple[dict, str]]:
    """(query, coalition slug) of every development query; no test half, no own test part."""
    from benchmarks import search_quality as quality

    queries = [(q, quality.EVALUATION_SLUG) for q in quality.load_queries() if q["half"] == "dev"]
    queries += [(q, quality.DEMO_SLUG) for q in quality.demo_queries()]
    for name in OWN_SETS:
        for query in quality.own_set(ROOT / "benchmarks" / "search_sets" / f"{name}.json", "dev"):
            queries.append(({**query, "half": name}, query["coalition"]))
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'search-quality.sqlite3'}"
    parser.add_argument("--database-url", default=default_url)
    parser.add_argument("--queries", action="store_true", help="one line per query")
    args = parser.parse_args()
    os.environ["OOKBALANS_PAGE_CACHE_SECONDS"] = "0"
    from benchmarks import search_quality as quality

    quality.prepare(args.database_url)
    from ookbalans.search import ranking

    seen: list = []
    floor = ranking.above_floor

    def recording(ranked):
        seen.append(list(ranked))
        return floor(ranked)

    ranking.above_floor = recording
    client = quality.api_client()
    fits: dict[bool, list[float]] = {True: [], False: []}
    shares: dict[bool, list[float]] = {True: [], False: []}
    lists: list[tuple[bool, list]] = []  # per query: whether it is answerable, its ranking before the floor
    for query, slug in development_queries():
        seen.clear()
        shown = quality.search_ids(client, slug, query["query"])
        ranked = seen[-1] if seen else []
        judgments = query["judgments"]
        relevant = quality.relevant_ids(judgments)
        best = max((hit.fit for _pk, hit in ranked), default=0.0)
        fits[bool(relevant)].append(best if any(hit.direct for _pk, hit in ranked) else 0.0)
        lists.append((bool(relevant), ranked))
        top = ranked[0][1].score if ranked else 0.0
        for pk, hit in ranked:
            shares[_id(pk) in relevant].append(hit.score / top if top else 0.0)
        if args.queries:
            grades = " ".join(
                f"{judgments.get(_id(pk), 0)}:{hit.score:.2f}{'d' if hit.direct else ''}"
                for pk, hit in ranked[:8]
            )
            cover = max((hit.cover for _pk, hit in ranked), default=0.0)
            print(
                f"{query['half']:15} {'ans' if relevant else 'NO '} fit {best:.2f} cover {cover:.2f} "
                f"shown {len(shown):2d} | {query['query'][:50]!r} | {grades}"
            )
    print("\nquantiles: min 10% 25% 50% 75% 90%")
    print(f"best fit, answerable queries (0 without a direct hit): {quantiles(fits[True])}")
    print(f"best fit, no-answer queries  (0 without a direct hit): {quantiles(fits[False])}")
    print(f"score / best score, relevant hits:                     {quantiles(shares[True])}")
    print(f"score / best score, other hits:                        {quantiles(shares[False])}")
    print("\nthe whole floor (ranking.above_floor) at other values of RELEVANCE_FLOOR:")
    chosen = ranking.RELEVANCE_FLOOR
    answerable = sum(1 for found, _ranked in lists if found)
    for value in FLOORS:
        ranking.RELEVANCE_FLOOR = value
        kept = sum(1 for found, ranked in lists if found and floor(ranked))
        emptied = sum(1 for found, ranked in lists if not found and not floor(ranked))
        wrong = answerable - kept + len(lists) - answerable - emptied
        print(
            f"floor {value:.2f}: answerable kept {kept}/{answerable}, "
            f"no-answer emptied {emptied}/{len(lists) - answerable}, wrong decisions {wrong}"
        )
    ranking.RELEVANCE_FLOOR = chosen
    print()
    for cut in CUTS:
        kept = sum(1 for value in shares[True] if value >= cut)
        dropped = sum(1 for value in shares[False] if value < cut)
        print(
            f"relative cut {cut:.2f}: relevant hits kept {kept}/{len(shares[True])} "
            f"({kept / max(1, len(shares[True])):.0%}), other hits dropped {dropped}/{len(shares[False])}"
        )


if __name__ == "__main__":
    main()
