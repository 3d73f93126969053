"""Benchmark: what the audit trail costs an import of the demo export, and what one entry per object would.

    .venv/bin/python benchmarks/audit.py [--runs 7] [--services N] [--database-url sqlite:///var/bench-audit.sqlite3]

Loads the demo coalition (or, with --services, the generated national catalogue of that size and
takes its largest coalition) into a fresh database, exports it as HSDS JSON and imports that file back
into it (every object updated, parts replaced) `--runs` times in each of three ways, alternating:
without the trail (its receivers disconnected, so Django may delete parts without loading them),
with the trail as it is (one summary entry per import), and with one entry per written object on
top (bulk-created, as a per-object trail from an import would at least cost). Prints the median
time of each and the entries one import adds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.interchange import machine  # noqa: E402
from benchmarks.national_catalogue import setup_django  # noqa: E402


@contextmanager
def without_trail():
    """The audit receivers disconnected for a while, as if the trail did not exist."""
    from ookbalans.audit import tracking

    untracked = [tracking.untrack(model) for model in tracking.tracked_models()]
    try:
        yield
    finally:
        for t in untracked:
            tracking.track(
                t.model,
                t.coalition_of,
                redacted=t.redacted,
                status_field=t.status_field,
                ended_field=t.ended_field,
                left_out=t.left_out,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--services", type=int, help="generate a national catalogue of this size instead")
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-audit.sqlite3'}")
    args = parser.parse_args()
    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url[len("sqlite:///") :]).unlink(missing_ok=True)
    setup_django(args.database_url)

    from django.db.models import Count

    from benchmarks.national_catalogue import generate
    from ookbalans.audit import context
    from ookbalans.audit.models import Entry
    from ookbalans.catalogue.demo import load_demo
    from ookbalans.catalogue.models import Coalition
    from ookbalans.interchange import formats

    with context.quiet():
        if args.services:
            generate(args.services, seed=1)
        else:
            load_demo()
    coalition = Coalition.objects.annotate(n=Count("services")).order_by("-n").first()
    data = formats.export_bytes(coalition, "hsds-json")

    def summary():
        return formats.import_file(coalition, data, "demo.json")

    def per_object():
        report = summary()
        written = sum(report.created.values()) + sum(report.updated.values())
        Entry.objects.bulk_create(
            [
                Entry(coalition=coalition, action=Entry.Action.CHANGED, object_id=str(n))
                for n in range(written)
            ]
        )
        return report

    def no_trail():
        with without_trail():
            return formats.import_file(coalition, data, "demo.json")

    ways = {
        "without the trail": no_trail,
        "one summary entry": summary,
        "plus one entry per object": per_object,
    }
    times = {name: [] for name in ways}
    added = {}
    for _run in range(args.runs):
        for name, run in ways.items():
            before = Entry.objects.count()
            started = time.perf_counter()
            report = run()
            times[name].append(time.perf_counter() - started)
            added[name] = Entry.objects.count() - before
    print(machine())
    print(f"export of {coalition}: {len(data):,} bytes; one import writes {report.updated}")
    for name, values in times.items():
        median = statistics.median(values) * 1000
        print(f"{name:>28}: median {median:7.0f} ms, {added[name]:>4} entries per import")


if __name__ == "__main__":
    main()
