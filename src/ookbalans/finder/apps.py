"""App configuration of finder."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    name = "ookbalans.finder"
    verbose_name = _("Finder")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.finder import signals  # noqa: F401 - connects the receivers
