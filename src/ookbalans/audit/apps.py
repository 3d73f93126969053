"""App configuration of the audit trail; it tracks the catalogue's models, other apps track their own."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "ookbalans.audit"
    verbose_name = _("Audit trail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.audit import catalogue

        catalogue.track_catalogue()
