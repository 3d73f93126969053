"""The daily reminders as a background task: the worker (`ookbalans db_worker`) runs it daily."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from ookbalans.audit.context import scope
from ookbalans.reminders import sending

# The worker sends the day's reminders at this local time.
RUN_AT = datetime.time(7, 0)


def next_run(now: datetime.datetime) -> datetime.datetime:
    """The next RUN_AT after `now`, in the installation's time zone."""
    local = timezone.localtime(now)
    candidate = local.replace(hour=RUN_AT.hour, minute=RUN_AT.minute, second=0, microsecond=0)
    if candidate <= local:
        candidate = timezone.make_aware(
            datetime.datetime.combine(local.date() + datetime.timedelta(days=1), RUN_AT)
        )
    return candidate


@task()
def daily_reminders() -> str:
    """Send the day's reminders, then queue tomorrow's run (also when this one failed)."""
    try:
        with scope(name="herinneringen (achtergrondtaak)"):
            report = sending.remind()
    finally:
        schedule_daily()
    return f"{len(report.letters)} mail(s) sent, {report.closed} check round(s) closed"


def schedule_daily() -> datetime.datetime:
    """Queue the next daily run unless one is queued already; when it will run."""
    queued = (
        DBTaskResult.objects.filter(task_path=daily_reminders.module_path, status="READY")
        .order_by("run_after")
        .first()
    )
    if queued is not None:
        return timezone.localtime(queued.run_after)
    when = next_run(timezone.now())
    daily_reminders.using(run_after=when).enqueue()
    return when
