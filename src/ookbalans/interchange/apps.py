"""App configuration of interchange."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    name = "ookbalans.interchange"
    verbose_name = _("Import and export")
    default_auto_field = "django.db.models.BigAutoField"
