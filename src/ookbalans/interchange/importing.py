"""Importing an HSDS document into one coalition: check everything, then write it all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ookbalans.audit import context as audit
from ookbalans.audit.recording import record_import
from ookbalans.catalogue.changes import services_changed
from ookbalans.catalogue.models import Coalition, Service
from ookbalans.interchange.checking import changes as changing
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.document import check_document
from ookbalans.interchange.problems import ImportFailed, Problems
from ookbalans.interchange.writing import Ahead, Report, write_plans


@dataclass
class Checked:
    """A document checked and compared with the catalogue, ready to be written (`write_checked`).

    Made without writing anything, so that it may be made in another process (`national`).
    """

    check: CheckContext
    changes: changing.Changes
    report: Report
    source: tuple[str, str] | None = None
    # Work done ahead of the write, where the file was checked (`ahead.prepare`): the catalogue's
    # receivers' for the new services, and the writing step's own for a file of only new objects.
    prepared: tuple = ()
    ahead: Ahead | None = None


def check_import(
    coalition: Coalition,
    document,
    *,
    strict: bool = False,
    dry_run: bool = False,
    progress=None,
    problems: Problems | None = None,
    source: tuple[str, str] | None = None,
    suspicions: tuple[bool, bool] | None = None,
) -> Checked:
    """Check a document for the coalition and find what it changes; raise ImportFailed on any error."""
    check = CheckContext(coalition, strict=strict, progress=progress, problems=problems)
    report = Report(problems=check.problems, dry_run=dry_run)
    check_document(check, document, suspicions)
    if check.problems.errors:
        raise ImportFailed(check.problems)
    changes = changing.find_changes(check)
    report.changes = changes.as_data()
    report.created, report.updated = changes.created(), changes.updated()
    return Checked(check, changes, report, source)


def import_document(coalition: Coalition, document, *, before_writing=None, **options) -> Report:
    """Import an HSDS document (a list of services, or organizations and services) into the coalition.

    `problems` are those a reader found already: they are reported with the checks' own, and any
    error among them stops the import. Raises ImportFailed with every problem, changing nothing.
    `source` (file name, format) makes the import one entry in the audit trail, written with it.
    Only what differs from the catalogue is written: a file that changes nothing writes nothing.
    `suspicions`: see `check_document`. The other options are `check_import`'s.
    """
    return write_checked(check_import(coalition, document, **options), before_writing)


def write_checked(checked: Checked, before_writing=None) -> Report:
    """Write what a checked document changes, in one transaction (a savepoint in the caller's)."""
    check, changes, report, source = checked.check, checked.changes, checked.report, checked.source
    coalition, dry_run = check.coalition, report.dry_run
    if changes.nothing:
        return report
    if before_writing:
        before_writing()
    with transaction.atomic():
        changing.keep_only_changes(check, changes)
        with audit.quiet():  # one summary entry, not one per object
            write_plans(check, report, checked.prepared, checked.ahead)
        # The writing step counts what it saved; the report says what changed.
        report.created, report.updated = changes.created(), changes.updated()
        # Services whose organisation or location changed: the index follows through the catalogue's signal.
        services_changed(Service, sorted(changing.services_to_index(check, changes)))
        if source is not None and not dry_run:
            record_import(
                coalition,
                file_name=source[0],
                file_format=source[1],
                created=report.created,
                updated=report.updated,
            )
        if dry_run:
            transaction.set_rollback(True)
    return report
