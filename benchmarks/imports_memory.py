"""Benchmark: time and peak memory of refusing hostile import files, beside importing a small valid file.

    .venv/bin/python benchmarks/imports_memory.py

Builds the hostile files in a temporary folder (benchmarks/hostile_files.py): a 1.4 GB zip bomb (as a
datapackage and named .xlsx), a zip that lies about its sizes, JSON nested 100,000 deep, a valid JSON of
199 MB, 48 MB of JSON in 6 million tiny objects, a workbook whose
sheet 'Diensten' has 1,000,000 rows (with and without a declared size), and a 210 MB request body sent to
the import page. Each is imported in a fresh Python process on a temporary SQLite database; the process
reports its wall time and its peak resident memory (VmHWM), and the peak it had reached before the import
(Django loaded). The floor is the same for a small valid HSDS JSON file (a dry run), once in a fresh
process and once more after a first import. Target: every peak at most 300 MB, every refusal within seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = {
    "floor": ("valid.json", "a small valid HSDS JSON file, imported as a dry run"),
    "floor-again": ("valid.json", "the same, imported a second time in the same process"),
    "zip-bomb": ("bomb.zip", "zip bomb, 1.4 MB unpacking to 1.4 GB, as a datapackage"),
    "zip-bomb-xlsx": ("bomb.xlsx", "the same zip bomb named .xlsx"),
    "lying-zip": ("lying.zip", "zip declaring 1,000 bytes for 20 MB of CSV"),
    "deep-json": ("deep.json", "JSON nested 100,000 lists deep"),
    "big-json": ("big.json", "valid HSDS JSON of 190 MB (its services repeated), read from a file"),
    "small-objects-json": ("small.json", "45 MB of JSON in 6 million tiny objects (2 GB parsed)"),
    "huge-sheet": ("huge.xlsx", "sheet of 1,000,000 rows, size declared"),
    "huge-sheet-undeclared": ("undeclared.xlsx", "sheet of 1,000,000 rows, size not declared"),
    "big-body": (None, "210 MB request body to the import page"),
}


def peak_kilobytes() -> int:
    """This process's peak resident memory. VmHWM, because ru_maxrss keeps the parent's peak across exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def megabytes(kilobytes: int) -> float:
    return kilobytes / 1024


def build(folder: Path) -> None:
    from django.db.models import Count

    from benchmarks import hostile_files as hostile
    from ookbalans.catalogue.models import Coalition
    from ookbalans.interchange import formats

    coalition = Coalition.objects.order_by("slug").first()
    (folder / "valid.json").write_bytes(formats.export_bytes(coalition, "hsds-json"))
    bomb = hostile.zip_bomb(unpacked_mb=1400)
    (folder / "bomb.zip").write_bytes(bomb)
    (folder / "bomb.xlsx").write_bytes(bomb)
    (folder / "lying.zip").write_bytes(hostile.lying_zip(unpacked_mb=20))
    (folder / "deep.json").write_bytes(hostile.deep_json(100_000))
    largest = Coalition.objects.annotate(count=Count("services")).order_by("-count").first()
    services = json.dumps(json.loads(formats.export_bytes(largest, "hsds-json"))["services"])[1:-1].encode()
    with (folder / "big.json").open("wb") as big:
        big.write(b'{"services": [' + services)
        while big.tell() < 190 * 1024 * 1024:
            big.write(b", " + services)
        big.write(b"]}")
    with (folder / "small.json").open("wb") as small:
        small.write(b"[")
        small.write(b",".join([b'{"a":1}'] * 6_000_000))
        small.write(b"]")
    (folder / "huge.xlsx").write_bytes(hostile.huge_workbook(1_000_000))
    (folder / "undeclared.xlsx").write_bytes(hostile.huge_workbook(1_000_000, dimension=False))


def child(case: str, folder: Path) -> None:
    """Run one case in this (fresh) process and print its figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
    import django

    django.setup()
    from ookbalans.catalogue.models import Coalition
    from ookbalans.interchange import formats
    from ookbalans.interchange.problems import ImportFailed

    coalition = Coalition.objects.order_by("slug").first()
    if case == "floor-again":
        # The first import loads what stays loaded in a server process (the search's word lists).
        formats.import_file(coalition, folder / "valid.json", "valid.json", dry_run=True)
    before = peak_kilobytes()
    started = time.perf_counter()
    if case == "big-body":
        outcome = send_big_body(coalition)
    else:
        name = CASES[case][0]
        try:
            report = formats.import_file(coalition, folder / name, name, dry_run=True)
            outcome = f"imported: {sum(report.updated.values()) + sum(report.created.values())} objects"
        except ImportFailed as failure:
            outcome = str(failure.problems.errors[0])[:110]
    seconds = time.perf_counter() - started
    peak = peak_kilobytes()
    print(json.dumps({"seconds": seconds, "before": before, "peak": peak, "outcome": outcome}))


def send_big_body(coalition) -> str:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from benchmarks import hostile_files as hostile
    from ookbalans.catalogue.models import Membership

    user, _ = get_user_model().objects.get_or_create(username="bench-imports")
    Membership.objects.get_or_create(
        user=user, coalition=coalition, defaults={"role": Membership.Role.EDITOR}
    )
    client = Client()
    client.force_login(user)
    body, length = hostile.multipart_body("grens", {}, "file", "groot.json", 210 * 1024 * 1024)
    response = client.generic(
        "POST",
        reverse("interchange:coalition", args=[coalition.slug]),
        **{
            "wsgi.input": body,
            "CONTENT_LENGTH": str(length),
            "CONTENT_TYPE": "multipart/form-data; boundary=grens",
            "HTTP_HOST": "127.0.0.1",
        },
    )
    return f"HTTP {response.status_code}, {body.read_bytes:,} of {length:,} bytes read"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=list(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, Path(args.folder))
        return
    with tempfile.TemporaryDirectory(prefix="ookbalans-imports-") as name:
        folder = Path(name)
        database = f"sqlite:///{folder / 'bench.sqlite3'}"
        from benchmarks.national_catalogue import generate, setup_django

        setup_django(database)
        generate(30, seed=1)
        started = time.perf_counter()
        build(folder)
        print(f"built the hostile files in {time.perf_counter() - started:.0f} s")
        for path in sorted(folder.iterdir()):
            if path.suffix in (".zip", ".xlsx", ".json"):
                print(f"  {path.name:<16} {path.stat().st_size / 1e6:8.1f} MB")
        environment = {**os.environ, "DATABASE_URL": database, "PYTHONPATH": str(ROOT / "src")}
        print(f"{'case':<24} {'time':>7} {'peak RSS':>9} {'before':>8}  outcome")
        for case, (_, description) in CASES.items():
            run = subprocess.run(
                [sys.executable, __file__, "--child", case, "--folder", str(folder)],
                capture_output=True,
                text=True,
                env=environment,
                check=False,
            )
            if run.returncode != 0:
                print(f"{case:<24} failed: {run.stderr.strip().splitlines()[-1:]}")
                continue
            figures = json.loads(run.stdout.strip().splitlines()[-1])
            print(
                f"{case:<24} {figures['seconds']:6.2f}s {megabytes(figures['peak']):7.0f}MB "
                f"{megabytes(figures['before']):6.0f}MB  {figures['outcome']}"
            )
            print(f"{'':<24} ({description})")


if __name__ == "__main__":
    main()
