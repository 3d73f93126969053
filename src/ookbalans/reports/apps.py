"""App configuration of reports: the public's reports on services are kept in the audit trail too."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ookbalans.reports"
    verbose_name = _("Reports from the public")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.audit.tracking import track
        from ookbalans.reports.models import Report

        # What the public typed stays out of the trail: it keeps which fields changed, never the words.
        track(Report, lambda report: report.coalition_id, redacted=True)
