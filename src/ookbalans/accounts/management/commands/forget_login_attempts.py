"""`ookbalans forget_login_attempts`: delete failed-login records once their lockout period is over."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Delete the records of failed logins (user name, IP address, browser) older than the lockout "
        "period. Run it hourly from cron or a systemd timer."
    )

    def handle(self, *args, **options):
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        threshold = timezone.now() - settings.AXES_COOLOFF_TIME
        deleted = sum(
            model.objects.filter(attempt_time__lt=threshold).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        )
        self.stdout.write(f"Deleted {deleted} login record(s) older than {threshold:%Y-%m-%d %H:%M}.")
