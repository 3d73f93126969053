"""Imports in the background: store the upload, run it in the worker with its progress, keep the report."""

from __future__ import annotations

import datetime
import logging
import tempfile
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from ookbalans.audit import context as audit
from ookbalans.interchange import formats
from ookbalans.interchange.limits import MB, Limits
from ookbalans.interchange.models import ImportJob, ImportJobPart
from ookbalans.interchange.problems import ImportFailed, Problems
from ookbalans.interchange.reading.counting import services_in

logger = logging.getLogger(__name__)

# How often, at most, the worker writes its progress to the job (seconds).
PROGRESS_EVERY = 1.0


def services_in_upload(upload, name: str, limits: Limits | None = None) -> int:
    """About how many services an uploaded file holds (0 when it cannot tell)."""
    limits = limits or Limits.from_settings()
    return services_in(upload, formats.kind_of(name, upload), limits)


def runs_in_background(services: int) -> bool:
    return services >= settings.OOKBALANS_IMPORT_BACKGROUND_FROM


def start_job(coalition, user, upload, name: str, *, services: int, dry_run: bool) -> ImportJob:
    """Store the upload in the database and queue its import; the worker takes it once this commits."""
    from ookbalans.interchange.tasks import run_import_job

    with transaction.atomic():
        job = stored_job(coalition, user, upload, name, dry_run=dry_run, services_total=services)
        transaction.on_commit(lambda: run_import_job.enqueue(str(job.pk)))
    return job


def stored_job(coalition, user, upload, name: str, **fields) -> ImportJob:
    """A job with its file stored in the database in parts of 1 MB; the caller holds the transaction."""
    job = ImportJob.objects.create(
        coalition=coalition, started_by=user, file_name=name[:255], file_size=upload.size, **fields
    )
    ImportJobPart.objects.bulk_create(
        ImportJobPart(job=job, number=number, data=chunk) for number, chunk in enumerate(upload.chunks(MB))
    )
    return job


def keep_checked(coalition, user, upload, name: str, report, *, services: int) -> ImportJob:
    """Keep a file checked in the request, with its report, so that "import now" needs no second upload."""
    forget_checked_files()
    with transaction.atomic():
        job = stored_job(
            coalition,
            user,
            upload,
            name,
            dry_run=True,
            status=ImportJob.Status.DONE,
            services_total=services,
            services_checked=services,
            created=report.created,
            updated=report.updated,
            changes=report.changes,
            problems=stored(report.problems),
            finished_at=timezone.now(),
        )
    return job


def checked_until(job: ImportJob) -> datetime.datetime:
    return job.started_at + datetime.timedelta(hours=settings.OOKBALANS_IMPORT_CHECKED_KEEP_HOURS)


def importable(job: ImportJob) -> bool:
    """Whether a job is a checked file that changes something and is still kept, so it can be imported now."""
    return (
        job.dry_run
        and job.status == ImportJob.Status.DONE
        and not job.changes.get("nothing", True)
        and timezone.now() < checked_until(job)
        and job.parts.exists()
    )


def import_checked(job: ImportJob, user) -> bool:
    """Import a checked file now, from the kept parts: in the background for a large file, else at once.

    Returns False when the job was imported already (a second click) or its file is no longer kept.
    """
    from ookbalans.interchange.tasks import run_import_job

    if not importable(job):
        return False
    claimed = ImportJob.objects.filter(pk=job.pk, dry_run=True, status=ImportJob.Status.DONE).update(
        dry_run=False,
        status=ImportJob.Status.QUEUED,
        started_by=user,
        services_checked=0,
        created={},
        updated={},
        changes={},
        problems={},
        finished_at=None,
    )
    if not claimed:
        return False
    if runs_in_background(job.services_total):
        transaction.on_commit(lambda: run_import_job.enqueue(str(job.pk)))
    else:
        run_job(str(job.pk))
    return True


def forget_checked_files(hours: int | None = None, now: datetime.datetime | None = None) -> int:
    """Delete the files of checks older than `hours` (they can no longer be imported); returns how many."""
    hours = settings.OOKBALANS_IMPORT_CHECKED_KEEP_HOURS if hours is None else hours
    old = (now or timezone.now()) - datetime.timedelta(hours=hours)
    jobs = ImportJob.objects.filter(dry_run=True, started_at__lt=old, parts__isnull=False).distinct()
    ids = list(jobs.values_list("pk", flat=True))
    ImportJobPart.objects.filter(job_id__in=ids).delete()
    return len(ids)


class Progress:
    """Counts the services checked and writes the count to the job about once a second."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        self.checked = 0
        self.written_at = 0.0

    def __call__(self, step: int = 1) -> None:
        self.checked += step
        now = time.monotonic()
        if now - self.written_at >= PROGRESS_EVERY:
            self.written_at = now
            ImportJob.objects.filter(pk=self.job.pk).update(services_checked=self.checked)

    def writing(self) -> None:
        """The checks are done; the one transaction that writes everything starts now."""
        ImportJob.objects.filter(pk=self.job.pk).update(
            status=ImportJob.Status.WRITING, services_checked=self.checked
        )


def run_job(job_id: str) -> str:
    """Import a queued job's file (the task the worker runs); returns the job's final status."""
    job = ImportJob.objects.select_related("coalition", "started_by").filter(pk=job_id).first()
    queued = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED)
    if job is None or not queued.update(status=ImportJob.Status.CHECKING):
        return "gone" if job is None else job.status  # deleted meanwhile, or run already
    progress = Progress(job)
    fields: dict = {}
    # The problems are kept as the texts the page shows, in the site's language.
    # The audit trail names who started the import, not the worker.
    with (
        translation.override(settings.LANGUAGE_CODE),
        audit.scope(user=job.started_by),
        tempfile.TemporaryFile() as file,
    ):
        try:
            # One part (1 MB) per query, so that the worker's memory does not grow with the file.
            for number in range(job.parts.count()):
                file.write(job.parts.values_list("data", flat=True).get(number=number))
            file.seek(0)
            report = formats.import_file(
                job.coalition,
                file,
                job.file_name,
                dry_run=job.dry_run,
                progress=progress,
                before_writing=progress.writing,
            )
        except ImportFailed as failure:
            fields = {"status": ImportJob.Status.REFUSED, "problems": stored(failure.problems)}
        except Exception:
            logger.exception("Import job %s failed", job.pk)
            fields = {"status": ImportJob.Status.FAILED}
        else:
            fields = {
                "status": ImportJob.Status.DONE,
                "created": report.created,
                "updated": report.updated,
                "changes": report.changes,
                "problems": stored(report.problems),
            }
    ImportJob.objects.filter(pk=job.pk).update(
        services_checked=progress.checked, finished_at=timezone.now(), **fields
    )
    return fields["status"]


def stored(problems: Problems) -> dict:
    """The problems as the page lists them (the first ones as texts, all of them counted by kind)."""
    return {
        "errors": [str(p) for p in problems.errors],
        "warnings": [str(p) for p in problems.warnings],
        "error_count": problems.error_count,
        "warning_count": problems.warning_count,
        "error_kinds": problems.error_kinds(),
        "warning_kinds": problems.warning_kinds(),
    }


class StoredProblems:
    """A job's stored problems with the attributes the problem list of the import page reads."""

    def __init__(self, data: dict) -> None:
        self.errors = data.get("errors", [])
        self.warnings = data.get("warnings", [])
        self.error_count = data.get("error_count", 0)
        self.warning_count = data.get("warning_count", 0)
        self.errors_left_out = self.error_count - len(self.errors)
        self.warnings_left_out = self.warning_count - len(self.warnings)
        self._error_kinds = [tuple(kind) for kind in data.get("error_kinds", [])]
        self._warning_kinds = [tuple(kind) for kind in data.get("warning_kinds", [])]

    def error_kinds(self) -> list[tuple[str, int]]:
        return self._error_kinds

    def warning_kinds(self) -> list[tuple[str, int]]:
        return self._warning_kinds


def forget_old_jobs(days: int | None = None, now: datetime.datetime | None = None) -> int:
    """Delete the jobs started more than `days` days ago, with their uploaded files; returns how many.

    Finished or not: a job still waiting or running after so many days has lost its worker.
    """
    days = settings.OOKBALANS_IMPORT_JOBS_KEEP_DAYS if days is None else days
    old = ImportJob.objects.filter(started_at__lt=(now or timezone.now()) - datetime.timedelta(days=days))
    ImportJobPart.objects.filter(job__in=old).delete()
    return old.delete()[1].get(ImportJob._meta.label, 0)
