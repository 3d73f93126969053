"""Score distributions behind the relevance floor: relevant vs. other hits and no-answer queries, dev parts only.

Usage:

    .venv/bin/python benchmarks/search_scores.py
    .venv/bin/python benchmarks/search_scores.py --queries   # also one line per query

Every development query (the evaluation set's dev half, the demo set, the dev parts of the split own
sets and the unsplit own sets) is asked through the API as `search_quality.py` does, and the ranking's
list *before* the relevance floor (`ranking.above_floor`) is recorded. Printed: per query the best
fit (the score the floor looks at) of answerable and of no-answer queries, and the scores relative
to the best hit of relevant (grade >= 2) and of other hits, as quantiles, so that the floor and the
relative cut can be chosen by a written rule. Never reads the test half or the own sets' test parts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OWN_SETS = ("vocab", "infl", "need", "sentences", "everyday_words")


def _id(pk) -> str:
    """A service id as the judgments write it (SQLite gives the hex digits)."""
    return str(uuid.UUID(str(pk)))


def quantiles(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    points = [ordered[min(len(ordered) - 1, int(share * len(ordered)))] for share in (0, 0.1, 0.25, 0.5, 0.75, 0.9)]
    return f"n={len(values):4d}  " + "  ".join(f"{value:.2f}" for value in points) + f"  max {ordered[-1]:.2f}"


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
    original = ranking.above_floor

    def recording(ranked):
        seen.append(list(ranked))
        return original(ranked)

    ranking.above_floor = recording
    queries = [(q, quality.EVALUATION_SLUG) for q in quality.load_queries() if q["half"] == "dev"]
    queries += [(q, quality.DEMO_SLUG) for q in quality.demo_queries()]
    for name in OWN_SETS:
        for query in quality.own_set(ROOT / "benchmarks" / "search_sets" / f"{name}.json", "dev"):
            queries.append(({**query, "set": name}, query["coalition"]))
    client = quality.api_client()
    answerable_fit, empty_fit, relevant_share, other_share = [], [], [], []
    answerable_cover, empty_cover = [], []
    lists: list[tuple[bool, list]] = []  # per query: answerable, and its ranking before the floor
    for query, slug in queries:
        seen.clear()
        shown = quality.search_ids(client, slug, query["query"])
        ranked = seen[-1] if seen else []
        judgments = query["judgments"]
        relevant = quality.relevant_ids(judgments)
        best = max((hit.fit for _pk, hit in ranked), default=0.0)
        direct = any(hit.direct for _pk, hit in ranked)
        top = ranked[0][1].score if ranked else 0.0
        (answerable_fit if relevant else empty_fit).append(best if direct else 0.0)
        lists.append((bool(relevant), ranked))
        cover = max((hit.cover for _pk, hit in ranked), default=0.0)
        (answerable_cover if relevant else empty_cover).append(0.0 if original(ranked) else cover)
        for pk, hit in ranked:
            share = hit.score / top if top else 0.0
            (relevant_share if _id(pk) in relevant else other_share).append(share)
        if args.queries:
            grades = " ".join(
                f"{judgments.get(_id(pk), 0)}:{hit.score:.2f}{'d' if hit.direct else ''}" for pk, hit in ranked[:8]
            )
            label = query.get("set", query["half"])
            print(f"{label:15} {'ans' if relevant else 'NO '} fit {best:.2f} cover {cover:.2f} shown {len(shown):2d} | {query['query'][:50]!r} | {grades}")
    print("\nquantiles: min 10% 25% 50% 75% 90%")
    print(f"best fit, answerable queries (0 without a direct hit): {quantiles(answerable_fit)}")
    print(f"best fit, no-answer queries  (0 without a direct hit): {quantiles(empty_fit)}")
    print(f"score / best score, relevant hits:                     {quantiles(relevant_share)}")
    print(f"score / best score, other hits:                        {quantiles(other_share)}")
    print("\nthe whole floor (ranking.above_floor) at other values of RELEVANCE_FLOOR:")
    chosen = ranking.RELEVANCE_FLOOR
    for floor in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65):
        ranking.RELEVANCE_FLOOR = floor
        kept = sum(1 for answerable, ranked in lists if answerable and original(ranked))
        emptied = sum(1 for answerable, ranked in lists if not answerable and not original(ranked))
        answerable = sum(1 for found, _ranked in lists if found)
        balanced = kept / answerable + emptied / (len(lists) - answerable)
        print(
            f"floor {floor:.2f}: answerable kept {kept}/{answerable}, "
            f"no-answer emptied {emptied}/{len(lists) - answerable}, sum of both shares {balanced:.3f}"
        )
    ranking.RELEVANCE_FLOOR = chosen
    for cut in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        kept = sum(1 for value in relevant_share if value >= cut)
        dropped = sum(1 for value in other_share if value < cut)
        print(
            f"relative cut {cut:.2f}: relevant kept {kept}/{len(relevant_share)}, other dropped {dropped}/{len(other_share)}"
        )
    print(f"\nmean share of relevant hits: {statistics.fmean(relevant_share or [0]):.2f}")


if __name__ == "__main__":
    main()
