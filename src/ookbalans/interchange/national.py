"""Importing many coalitions' files at once (a national import): checked in parallel, written at once.

Each file belongs to the coalition its name gives: `ookbalans-<slug>.<ext>`, as `ookbalans export`
names it, or `<slug>.<ext>`. Reading and checking a file is pure and per file, so worker processes
do it (`processes`), while this process writes each checked file as it comes, in order, inside one
transaction: a file with an error stops the writing, the other files are still checked so that
every problem is reported at once, and then nothing is written at all. At most a few checked
files wait at a time, so memory stays that of a few files, not of the country.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connections, transaction

from ookbalans.catalogue.changes import workers_starting
from ookbalans.catalogue.models import Coalition
from ookbalans.interchange import ahead, formats
from ookbalans.interchange.importing import Checked, write_checked
from ookbalans.interchange.limits import Limits
from ookbalans.interchange.problems import ImportFailed, Problems
from ookbalans.interchange.writing import Report

SUFFIXES = (".json", ".zip", ".xlsx")
# The workers give way to the writing process (and its database), whose work is in one line: they
# only need to keep a checked file ready for it.
WORKERS_NICE = 5
PREFIX = "ookbalans-"


@dataclass
class Written:
    """What the import of one file wrote: counts only, so that a country's reports stay small."""

    created: dict[str, int]
    updated: dict[str, int]
    warnings: int

    @classmethod
    def of(cls, report: Report) -> Written:
        return cls(report.created, report.updated, report.problems.warning_count)


@dataclass
class NationalReport:
    """What a national import did (or found wrong), per file."""

    reports: dict[str, Written] = field(default_factory=dict)
    failed: dict[str, Problems] = field(default_factory=dict)


def slug_of(path: Path) -> str:
    """The coalition's slug a file's name gives."""
    return path.stem.removeprefix(PREFIX) if path.stem.startswith(PREFIX) else path.stem


def files_in(folder: Path) -> list[Path]:
    """The files of a folder that a national import reads, by name."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def coalitions_of(files: list[Path]) -> tuple[dict[Path, Coalition], list[Path]]:
    """Each file's coalition, and the files whose name gives no coalition of the catalogue."""
    found = Coalition.objects.in_bulk({slug_of(path) for path in files}, field_name="slug")
    known = {path: found[slug_of(path)] for path in files if slug_of(path) in found}
    return known, [path for path in files if path not in known]


def checked(coalition_id, path: str, dry_run: bool, limits: Limits) -> Checked | Problems:
    """One file read and checked (in a worker process); its problems when it has errors."""
    coalition = Coalition.objects.get(pk=coalition_id)
    try:
        with formats.checked_file(coalition, path, path, dry_run=dry_run, limits=limits) as done:
            return done if dry_run else ahead.prepare(done)
    except ImportFailed as failure:
        return failure.problems


def import_files(
    files: dict[Path, Coalition],
    *,
    dry_run: bool = False,
    processes: int | None = None,
    limits: Limits | None = None,
    progress=None,
) -> NationalReport:
    """Import each file into its coalition; everything in one transaction, or nothing (ImportFailed).

    `processes` workers check the files (default: one per core, at a lower priority than this
    process: they also do the work of the write that can be done ahead, `ahead.prepare`, and so
    have more to do than the writer); with 0 this process checks them itself.
    `progress(path, report_or_problems)` is called per file.
    """
    limits = limits or Limits.from_settings()
    workers = max(1, os.cpu_count() or 2) if processes is None else processes
    national = NationalReport()
    jobs = [(coalition.pk, str(path), dry_run, limits) for path, coalition in files.items()]
    with checkers(workers) as pool, transaction.atomic():
        for path, result in zip(files, results(pool, jobs, workers), strict=True):
            if isinstance(result, Problems):
                national.failed[str(path)] = result
            elif not national.failed:
                # The checked file came unpickled: set aside from the cycle collector, as in `import_file`.
                with formats.document_frozen():
                    national.reports[str(path)] = Written.of(write_checked(result))
            if progress:
                progress(path, result)
        if national.failed or dry_run:
            transaction.set_rollback(True)
    return national


@contextmanager
def checkers(workers: int):
    """The worker processes, started before any transaction: forked without a database connection."""
    if not workers:
        yield None
        return
    workers_starting.send(sender=Coalition)
    # Forked workers must not share this process's database connection: none is open when they start.
    connections.close_all()
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=os.nice, initargs=(WORKERS_NICE,)
    ) as pool:
        pool.submit(int).result()  # a fork context starts every worker at the first task
        yield pool


def results(pool, jobs: list[tuple], workers: int):
    """Each job's `checked` result in order; at most two per worker ahead of the one being written."""
    if pool is None:
        yield from (checked(*job) for job in jobs)
        return
    waiting = deque()
    for job in jobs:
        waiting.append(pool.submit(checked, *job))
        if len(waiting) > 2 * workers:
            yield waiting.popleft().result()
    while waiting:
        yield waiting.popleft().result()
