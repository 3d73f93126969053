"""Search quality on the independent evaluation set and the demo set: recall@5, nDCG@10, no-answer accuracy.

Usage:

    .venv/bin/python benchmarks/search_quality.py
    .venv/bin/python benchmarks/search_quality.py --half dev --verbose
    .venv/bin/python benchmarks/search_quality.py --database-url postgres://postgres@127.0.0.1:5432/ookbalans_quality
    .venv/bin/python benchmarks/search_quality.py --half dev --set benchmarks/search_sets/everyday_words.json

The database is migrated; the demo coalition is loaded (`ookbalans load_demo`), the evaluation
catalogue `benchmarks/search_eval/catalogue.json` is imported into the coalition `evaluatieregio`
through `ookbalans import`, and the search index is rebuilt. Every query is then asked the way an
outside evaluator would ask it: `GET /api/hsds/<slug>/services?search=<query>&per_page=10`, taking
the order of the answer's `contents`. See benchmarks/search_eval/README.md for the judgments.

Metrics (a service is relevant when its grade is at least 2):

* recall@5: |relevant in the top 5| / |relevant|, the mean over the queries that have a relevant service;
* nDCG@10: DCG of the top 10 with gain 2^grade - 1 and discount log2(rank + 1), divided by the DCG
  of the ideal order of the judgments; the mean over the same queries;
* no-answer accuracy: the share of queries without any relevant service (kind `no_answer`) for
  which the API answers no service at all.

Tune only on the `dev` half; look at the `test` half through its totals only.

`--set PATH` (repeatable) also scores a set of our own (benchmarks/search_sets/, README there): each
query names its coalition and judges services by a readable label (the demo's service key; for the
evaluation catalogue the first part of the service's web host and the last part of its URL path).
A set split into its own parts (`"part": "dev"` / `"test"`) is also scored per part, and `--verbose`
prints the misses of its dev part only.
`--split dev|test` keeps only that part of such a set (queries without a part are all kept).

`--eval DIR` (repeatable) also scores another evaluation set kept in a folder the way an outside
evaluator keeps one: `DIR/catalogue.json` (an HSDS document whose `coalition` names the slug it is
imported into, through `ookbalans import`) and `DIR/queries.json` (queries judged by the readable
labels above, each with a `part`). `--split dev` scores only its dev part; `--verbose` prints the
misses of its dev part only. Example, the blind set (benchmarks/search_blind/README.md):

    .venv/bin/python benchmarks/search_quality.py --eval benchmarks/search_blind --split dev
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import statistics
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVALUATION_DIR = ROOT / "benchmarks" / "search_eval"
EVALUATION_SLUG = "evaluatieregio"
EVALUATION_NAME = "Kansrijke Start Betuwe-Lek (evaluatieregio)"
EVALUATION_MUNICIPALITIES = ("GM0281", "GM0216")  # Tiel, Culemborg
DEMO_SLUG = "voorbeeldregio"
RECALL_DEPTH = 5
NDCG_DEPTH = 10
RELEVANT_GRADE = 2
HALVES = ("dev", "test")


# --- metrics: pure functions -------------------------------------------------------------------


def relevant_ids(judgments: dict[str, int]) -> set[str]:
    """The services that fit the query: grade 2 or 3."""
    return {service for service, grade in judgments.items() if grade >= RELEVANT_GRADE}


def recall_at(ranking: list[str], judgments: dict[str, int], depth: int = RECALL_DEPTH) -> float | None:
    """Share of the relevant services found in the first `depth` results; None without relevant services."""
    relevant = relevant_ids(judgments)
    if not relevant:
        return None
    return len(relevant & set(ranking[:depth])) / len(relevant)


def dcg(grades: list[int]) -> float:
    """Discounted cumulative gain of grades in rank order: sum of (2^grade - 1) / log2(rank + 1)."""
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg_at(ranking: list[str], judgments: dict[str, int], depth: int = NDCG_DEPTH) -> float | None:
    """DCG of the first `depth` results over that of the ideal order; None when nothing is judged relevant."""
    if not relevant_ids(judgments):
        return None
    ideal = dcg(sorted(judgments.values(), reverse=True)[:depth])
    return dcg([judgments.get(service, 0) for service in ranking[:depth]]) / ideal


def score_query(query: dict, ranking: list[str]) -> dict:
    """The metrics of one query, given the services the search returned (best first)."""
    judgments = query["judgments"]
    return {
        "id": query["id"],
        "query": query["query"],
        "kind": query["kind"],
        "half": query["half"],
        "part": query.get("part"),
        "answerable": bool(relevant_ids(judgments)),
        "ranking": ranking,
        "recall": recall_at(ranking, judgments),
        "ndcg": ndcg_at(ranking, judgments),
        "missed": sorted(relevant_ids(judgments) - set(ranking[:RECALL_DEPTH])),
    }


def summarise(results: list[dict]) -> dict:
    """Mean recall@5 and nDCG@10 over the answerable queries; no-answer queries answered with nothing."""
    answerable = [r for r in results if r["answerable"]]
    unanswerable = [r for r in results if not r["answerable"]]
    return {
        "queries": len(results),
        "answerable": len(answerable),
        "recall_at_5": statistics.fmean(r["recall"] for r in answerable) if answerable else None,
        "ndcg_at_10": statistics.fmean(r["ndcg"] for r in answerable) if answerable else None,
        "no_answer_total": len(unanswerable),
        "no_answer_empty": sum(1 for r in unanswerable if not r["ranking"]),
        "no_answer_accuracy": (
            sum(1 for r in unanswerable if not r["ranking"]) / len(unanswerable) if unanswerable else None
        ),
    }


# --- asking the API ----------------------------------------------------------------------------


def search_ids(client, slug: str, text: str, per_page: int = NDCG_DEPTH) -> list[str]:
    """The ids of the services the public API answers for a search, in its order."""
    url = f"/api/hsds/{slug}/services?" + urlencode({"search": text, "per_page": per_page})
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.content[:300]!r}")
    return [str(item["id"]) for item in response.json()["contents"]]


def evaluate(client, slug: str, queries: list[dict]) -> dict:
    """Ask every query through the API of coalition `slug`; the per-query results and their summaries."""
    results = [score_query(query, search_ids(client, slug, query["query"])) for query in queries]
    halves = sorted({r["half"] for r in results})
    kinds = sorted({r["kind"] for r in results})
    return {
        "results": results,
        "overall": summarise(results),
        "by_half": {half: summarise([r for r in results if r["half"] == half]) for half in halves},
        "by_kind": {
            kind: {
                half: summarise([r for r in results if r["kind"] == kind and r["half"] == half])
                for half in halves
                if any(r["kind"] == kind and r["half"] == half for r in results)
            }
            for kind in kinds
        },
    }


# --- the query sets ----------------------------------------------------------------------------


def load_queries(path: Path = EVALUATION_DIR / "queries.json") -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def demo_queries() -> list[dict]:
    """The demo relevance set of tests/search/test_relevance.py, its expected services as grade 3."""
    from ookbalans.catalogue.demo import demo_id
    from tests.search.test_relevance import QUERIES

    return [
        {
            "id": f"demo{number:03d}",
            "query": text,
            "language": "",
            "kind": "demo",
            "half": "demo",
            "judgments": {str(demo_id("service", key)): 3 for key in keys},
        }
        for number, (text, keys) in enumerate(QUERIES.items(), start=1)
    ]


def evaluation_labels(path: Path = EVALUATION_DIR / "catalogue.json") -> dict[str, str]:
    """Readable labels of the evaluation catalogue's services ('jgz-betuwelek/cb') -> their ids."""
    from urllib.parse import urlparse

    labels = {}
    for service in json.loads(path.read_text(encoding="utf-8"))["services"]:
        url = urlparse(service["url"])
        host = url.hostname.removeprefix("www.").split(".")[0]
        labels[f"{host}/{url.path.strip('/').rsplit('/', 1)[-1]}"] = service["id"]
    return labels


def catalogue_folders() -> dict[str, Path]:
    """The folder catalogues beside the evaluation set (benchmarks/*/catalogue.json), by coalition slug."""
    folders = {}
    for catalogue in sorted((ROOT / "benchmarks").glob("*/catalogue.json")):
        slug = json.loads(catalogue.read_text(encoding="utf-8"))["coalition"]["slug"]
        if slug != EVALUATION_SLUG:
            folders[slug] = catalogue.parent
    return folders


def own_set(path: Path, split: str | None = None) -> list[dict]:
    """A set of our own (benchmarks/search_sets/*.json), its judgments turned into service ids.

    A query's coalition is the demo, the evaluation catalogue or a folder catalogue (e.g.
    `blindregio`, benchmarks/search_blind/catalogue.json; only its catalogue is read).
    With `split`, only the queries whose `part` is that (queries without one are all kept).
    """
    from ookbalans.catalogue.demo import demo_id

    labels_of = {EVALUATION_SLUG: evaluation_labels()}
    folders = catalogue_folders()
    queries = []
    for query in json.loads(Path(path).read_text(encoding="utf-8")):
        if split and query.get("part", split) != split:
            continue
        coalition = query["coalition"]
        if coalition in folders and coalition not in labels_of:
            labels_of[coalition] = evaluation_labels(folders[coalition] / "catalogue.json")
        judgments = {}
        for label, grade in query["judgments"].items():
            if coalition in labels_of:
                if label not in labels_of[coalition]:
                    raise ValueError(f"{path}: {query['id']} judges an unknown service {label!r}")
                judgments[labels_of[coalition][label]] = grade
            else:
                judgments[str(demo_id("service", label))] = grade
        queries.append({**query, "half": coalition, "judgments": judgments})
    return queries


def folder_set(directory: Path, split: str | None = None) -> tuple[str, list[dict]]:
    """An evaluation set kept in a folder: its coalition's slug and its queries, judged by service id.

    Each query's part (`dev`/`test`) becomes its `half`; with `split`, only that part is kept.
    """
    directory = Path(directory)
    catalogue = directory / "catalogue.json"
    slug = json.loads(catalogue.read_text(encoding="utf-8"))["coalition"]["slug"]
    labels = evaluation_labels(catalogue)
    queries = []
    for query in load_queries(directory / "queries.json"):
        part = query.get("part") or "all"
        if split and part not in (split, "all"):
            continue
        unknown = sorted(set(query["judgments"]) - set(labels))
        if unknown:
            raise ValueError(f"{directory}: {query['id']} judges unknown services {unknown}")
        judgments = {labels[label]: grade for label, grade in query["judgments"].items()}
        queries.append({**query, "half": part, "judgments": judgments})
    return slug, queries


def import_folder_set(directory: Path, quiet: dict) -> None:
    """Import a folder set's catalogue into its own coalition, which gets its locations' municipalities."""
    from django.core.management import call_command

    from ookbalans.catalogue.models import Coalition, Municipality

    catalogue = Path(directory) / "catalogue.json"
    document = json.loads(catalogue.read_text(encoding="utf-8"))
    slug, name = document["coalition"]["slug"], document["coalition"]["name"]
    codes = {
        location["external_identifier"]
        for location in document.get("locations", [])
        if location.get("external_identifier_type") == "CBS-gemeentecode"
    }
    coalition, _created = Coalition.objects.get_or_create(slug=slug, defaults={"name": name})
    coalition.municipalities.add(*Municipality.objects.filter(code__in=codes))
    call_command("import", str(catalogue), coalition=slug, **quiet)


# --- setting up the database -------------------------------------------------------------------


def prepare(database_url: str, folder_sets: tuple[Path, ...] = ()) -> None:
    """Migrate, load the demo coalition, import the evaluation catalogue(s) and rebuild the search index."""
    from benchmarks.national_catalogue import setup_django

    setup_django(database_url)
    from django.core.management import call_command

    from ookbalans.catalogue.models import Coalition, Municipality

    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("load_demo", **quiet)
    coalition, _created = Coalition.objects.get_or_create(
        slug=EVALUATION_SLUG, defaults={"name": EVALUATION_NAME}
    )
    coalition.municipalities.add(*Municipality.objects.filter(code__in=EVALUATION_MUNICIPALITIES))
    call_command("import", str(EVALUATION_DIR / "catalogue.json"), coalition=EVALUATION_SLUG, **quiet)
    for directory in folder_sets:
        import_folder_set(directory, quiet)
    call_command("rebuild_search_index", **quiet)


def api_client():
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1")


# --- printing ----------------------------------------------------------------------------------


def figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def no_answer(summary: dict) -> str:
    if not summary["no_answer_total"]:
        return "-"
    return f"{summary['no_answer_empty']}/{summary['no_answer_total']} ({summary['no_answer_accuracy']:.2f})"


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for index, row in enumerate([header, *rows]):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def summary_row(label: str, summary: dict) -> list[str]:
    return [
        label,
        str(summary["queries"]),
        figure(summary["recall_at_5"]),
        figure(summary["ndcg_at_10"]),
        no_answer(summary),
    ]


def print_by_kind(evaluation: dict, halves: tuple[str, ...]) -> None:
    """Per kind and half: recall@5 / nDCG@10 (queries), or the no-answer queries answered with nothing."""
    kind_rows = []
    for kind, per_half in evaluation["by_kind"].items():
        cells = [kind]
        for half in halves:
            summary = per_half.get(half)
            if summary is None:
                cells.append("-")
            elif summary["answerable"]:
                recall, ndcg = figure(summary["recall_at_5"]), figure(summary["ndcg_at_10"])
                cells.append(f"{recall} / {ndcg} ({summary['queries']})")
            else:
                cells.append(no_answer(summary))
        kind_rows.append(cells)
    print_table(["kind", *halves], kind_rows)


def print_misses(results: list[dict], names: dict[str, str]) -> None:
    for result in results:
        if not result["answerable"]:
            if result["ranking"]:
                shown = "; ".join(names.get(s, s) for s in result["ranking"][:3])
                label = f"  {result['id']} [{result['kind']}] {result['query']!r}"
                print(f"{label}: no answer expected, got {shown}")
            continue
        if not result["missed"] and result["ndcg"] >= 0.999:
            continue
        print(
            f"  {result['id']} [{result['kind']}] {result['query']!r}: "
            f"recall@5 {result['recall']:.2f}, nDCG@10 {result['ndcg']:.2f}"
        )
        for service in result["missed"]:
            print(f"      missed: {names.get(service, service)}")
        top = "; ".join(names.get(s, s) for s in result["ranking"][:RECALL_DEPTH]) or "(nothing)"
        print(f"      top 5:  {top}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'search-quality.sqlite3'}"
    parser.add_argument("--database-url", default=default_url)
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both")
    parser.add_argument(
        "--set", action="append", default=[], help="a set of our own (benchmarks/search_sets/)"
    )
    parser.add_argument("--split", choices=("dev", "test"), help="only this part of a split set")
    parser.add_argument(
        "--eval",
        action="append",
        default=[],
        metavar="DIR",
        help="also a folder set (catalogue.json, queries.json), e.g. benchmarks/search_blind",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="print the misses per query of the dev half and the demo set (test half: only with --half test)",
    )
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    folders = [Path(directory) for directory in args.eval]
    for path in args.set:  # a folder catalogue an own set asks in is imported too
        coalitions = {query["coalition"] for query in json.loads(Path(path).read_text(encoding="utf-8"))}
        for slug, directory in catalogue_folders().items():
            if slug in coalitions and directory.resolve() not in {f.resolve() for f in folders}:
                folders.append(directory)
    prepare(args.database_url, tuple(folders))

    from django.db import connection

    from ookbalans.catalogue.models import Service

    halves = HALVES if args.half == "both" else (args.half,)
    queries = [q for q in load_queries() if q["half"] in halves]
    client = api_client()
    evaluation = evaluate(client, EVALUATION_SLUG, queries)
    demo = evaluate(client, DEMO_SLUG, demo_queries())

    scope = f"{len(queries)} evaluation queries, halves: {', '.join(halves)}"
    print(f"Search quality on {connection.vendor} ({scope})\n")
    header = ["set", "queries", "recall@5", "nDCG@10", "no answer -> nothing"]
    rows = [summary_row(f"evaluation {half}", evaluation["by_half"][half]) for half in halves]
    if len(halves) > 1:
        rows.append(summary_row("evaluation all", evaluation["overall"]))
    rows.append(summary_row("demo (tests/search)", demo["overall"]))
    print_table(header, rows)

    print("\nBy kind (recall@5 / nDCG@10, or no answer -> nothing):\n")
    print_by_kind(evaluation, halves)

    folder_results = {}
    for directory in args.eval:
        slug, folder_queries = folder_set(Path(directory), args.split)
        scored = evaluate(client, slug, folder_queries)
        folder_results[directory] = scored["results"]
        parts = tuple(sorted(scored["by_half"]))
        print(f"\nEvaluation set {directory} (coalition {slug}, parts: {', '.join(parts)}):\n")
        rows = [summary_row(f"part {part}", scored["by_half"][part]) for part in parts]
        if len(parts) > 1:
            rows.append(summary_row("all", scored["overall"]))
        print_table(header, rows)
        print("\nBy kind (recall@5 / nDCG@10 (queries), or no answer -> nothing):\n")
        print_by_kind(scored, parts)

    own = {}
    for path in args.set:
        queries_of_set = own_set(Path(path), args.split)
        results = []
        slugs = sorted({q["coalition"] for q in queries_of_set})
        for slug in slugs:
            chosen = [q for q in queries_of_set if q["coalition"] == slug]
            results += evaluate(client, slug, chosen)["results"]
        own[path] = results
        print(f"\nOwn set {path}:\n")
        rows = [summary_row("all", summarise(results))]
        for slug in slugs:
            part = [r for r in results if r["half"] == slug]
            if part:
                rows.append(summary_row(slug, summarise(part)))
        for own_part in sorted({r["part"] for r in results if r["part"]}):
            of_part = [r for r in results if r["part"] == own_part]
            rows.append(summary_row(f"own-{own_part}", summarise(of_part)))
        for kind in sorted({r["kind"] for r in results}):
            rows.append(summary_row(f"  {kind}", summarise([r for r in results if r["kind"] == kind])))
        print_table(header, rows)

    if args.verbose:
        names = {str(pk): name for pk, name in Service.objects.values_list("pk", "name_nl")}
        shown = halves if args.half != "both" else ("dev",)
        for half in shown:
            print(f"\nMisses, {half} half:")
            print_misses([r for r in evaluation["results"] if r["half"] == half], names)
        print("\nMisses, demo set:")
        print_misses(demo["results"], names)
        for path, results in own.items():
            print(f"\nMisses, {path} (not of its own-test part):")
            print_misses([r for r in results if r["part"] != "test"], names)
        for directory, results in folder_results.items():
            print(f"\nMisses, {directory} (dev part only):")
            print_misses([r for r in results if r["half"] == "dev"], names)


if __name__ == "__main__":
    main()
