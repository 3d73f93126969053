"""`ookbalans forget_old_audit_entries --months N`: delete audit entries older than N months."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ookbalans.audit.models import Entry

DAYS_PER_MONTH = 30.44


class Command(BaseCommand):
    help = (
        "Delete audit trail entries older than the given number of months. The trail is kept without end "
        "unless the operator runs this (e.g. daily, with the retention the organisation decided on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, required=True, help="Keep this many months; at least 1.")

    def handle(self, months, **options):
        if months < 1:
            raise CommandError("Give --months 1 or more.")
        cutoff = timezone.now() - timedelta(days=round(months * DAYS_PER_MONTH))
        deleted, _ = Entry.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} audit entries from before {cutoff:%Y-%m-%d}.")
