"""Benchmark: export and import the national-size catalogue (100,000 services in 342 coalitions).

    .venv/bin/python benchmarks/interchange.py --services 100000 --database-url sqlite:///var/bench-interchange.sqlite3

Generates the catalogue (benchmarks/national_catalogue.py) into a fresh database, then for every
coalition: exports it as HSDS JSON, deletes it, and imports the file into a new empty coalition with
the same municipalities (the ids are global, so a copy cannot live beside the original). Prints the
total export and import times, the datapackage and Excel export times for all coalitions, and a
check that the second export equals the first apart from the coalition.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.national_catalogue import generate, setup_django  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-interchange.sqlite3'}")
    parser.add_argument("--formats", default="hsds-json,datapackage,xlsx")
    args = parser.parse_args()
    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url[len("sqlite:///") :]).unlink(missing_ok=True)
    setup_django(args.database_url)

    from ookbalans.catalogue.models import Coalition, Service
    from ookbalans.interchange import formats

    started = time.perf_counter()
    counts = generate(args.services, seed=1)
    print(f"generated {counts} in {time.perf_counter() - started:.1f} s")
    coalitions = list(Coalition.objects.order_by("slug"))
    total = Service.objects.count()

    timings = {}
    sizes = {}
    for fmt in [f for f in args.formats.split(",") if f != "hsds-json"]:
        print(f"exporting every coalition as {fmt} ...", flush=True)
        started = time.perf_counter()
        sizes[fmt] = sum(len(formats.export_bytes(c, fmt)) for c in coalitions)
        timings[f"export {fmt}"] = time.perf_counter() - started

    print("exporting, deleting and importing every coalition as HSDS JSON ...", flush=True)
    export_time = import_time = 0.0
    identical = 0
    json_bytes = 0
    for coalition in coalitions:
        started = time.perf_counter()
        first = formats.export_bytes(coalition, "hsds-json")
        export_time += time.perf_counter() - started
        json_bytes += len(first)
        municipalities = list(coalition.municipalities.all())
        name, slug = coalition.name, coalition.slug
        coalition.delete()
        copy = Coalition.objects.create(name=name, slug=slug)
        copy.municipalities.set(municipalities)
        started = time.perf_counter()
        formats.import_file(copy, first, "export.json")
        import_time += time.perf_counter() - started
        before, after = json.loads(first), json.loads(formats.export_bytes(copy, "hsds-json"))
        before.pop("coalition"), after.pop("coalition")
        identical += before == after
    timings = {"export hsds-json": export_time, "import hsds-json": import_time} | timings

    print(f"machine: {machine()}")
    print(f"database: {args.database_url.split('@')[-1]}")
    print(f"catalogue: {total} services in {len(coalitions)} coalitions")
    for label, seconds in timings.items():
        print(f"{label:>20}: {seconds:8.1f} s  ({total / seconds:,.0f} services/s)")
    print(
        f"hsds-json size: {json_bytes / 1e6:,.0f} MB; "
        + "; ".join(f"{k}: {v / 1e6:,.0f} MB" for k, v in sizes.items())
    )
    print(f"round trip identical apart from the coalition: {identical} of {len(coalitions)} coalitions")


if __name__ == "__main__":
    main()
