"""App configuration of api."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "ookbalans.api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.api import schema  # noqa: F401 - registers the token scheme with drf-spectacular
