"""`ookbalans forget_import_jobs`: delete background imports and their uploaded files after N days (daily)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ookbalans.interchange.jobs import forget_checked_files, forget_old_jobs


class Command(BaseCommand):
    help = (
        "Delete background imports started more than N days ago (OOKBALANS_IMPORT_JOBS_KEEP_DAYS), with "
        "their uploaded files and the worker's task records, and the files of checks older than "
        "OOKBALANS_IMPORT_CHECKED_KEEP_HOURS. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Keep jobs this many days (default {settings.OOKBALANS_IMPORT_JOBS_KEEP_DAYS}).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.OOKBALANS_IMPORT_JOBS_KEEP_DAYS if days is None else days
        deleted = forget_old_jobs(days)
        # Checked files wait for "import now" only a few hours (OOKBALANS_IMPORT_CHECKED_KEEP_HOURS).
        forget_checked_files()
        # The worker's own records of finished tasks (django-tasks-db) hold only the job's id.
        call_command("prune_db_task_results", min_age_days=days, verbosity=0)
        self.stdout.write(f"Deleted {deleted} import job(s) older than {days} day(s).")
