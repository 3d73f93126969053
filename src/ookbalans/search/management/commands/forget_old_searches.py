"""`ookbalans forget_old_searches`: delete demand counts older than the retention period (run it daily)."""

import datetime

from django.core.management.base import BaseCommand

from ookbalans.search.models import UnmetSearch

# The gap analysis looks back 13 weeks; a year and a month lets a coordinator compare with last year.
RETENTION_MONTHS = 13


def retention_start(today: datetime.date, months: int = RETENTION_MONTHS) -> datetime.date:
    """The first day still kept: the same day `months` months ago (the month's last day when shorter)."""
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(today.day, 0, -1):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a first day")


def forget_old_searches(today: datetime.date | None = None) -> int:
    """Delete the counts of weeks that began before the retention start; returns how many rows went."""
    start = retention_start(today or datetime.date.today())
    deleted, _ = UnmetSearch.objects.filter(week__lt=start).delete()
    return deleted


class Command(BaseCommand):
    help = f"Delete searches-without-results counts older than {RETENTION_MONTHS} months. Run it daily."

    def handle(self, *args, **options):
        deleted = forget_old_searches()
        self.stdout.write(f"Deleted {deleted} count(s) older than {RETENTION_MONTHS} months.")
