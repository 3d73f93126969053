"""`ookbalans remind`: the day's reminder mails to check services (run daily; a second run sends nothing)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from ookbalans.audit.context import command_line_actor, scope
from ookbalans.catalogue.models import Coalition
from ookbalans.reminders import sending, tasks


class Command(BaseCommand):
    help = (
        "Mail the organisations' editors (or the coordinators) the services due for their check, and the "
        "coordinators the services still unchecked four weeks after the reminder. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print who would get which services; send nothing."
        )
        parser.add_argument("--coalition", help="Only this coalition (its short name).")
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Act as on this day (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Let the background worker (ookbalans db_worker) run the reminders every day from now on.",
        )

    def handle(self, *args, dry_run=False, coalition=None, today=None, schedule=False, **options):
        if schedule:
            queued = tasks.schedule_daily()
            self.stdout.write(f"The worker runs the reminders daily; next run: {queued:%Y-%m-%d %H:%M}.")
            return
        coalitions = None
        if coalition:
            coalitions = Coalition.objects.filter(slug=coalition)
            if not coalitions.exists():
                raise CommandError(f"No coalition with the short name {coalition!r}.")
        with scope(name=command_line_actor("remind")):
            report = sending.remind(today, dry_run=dry_run, coalitions=coalitions)
        for line in report.lines():
            self.stdout.write(line)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{len(report.letters)} mail(s) {verb}; {report.closed} check round(s) closed.")
