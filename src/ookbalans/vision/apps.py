"""App configuration of vision."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisionConfig(AppConfig):
    name = "ookbalans.vision"
    verbose_name = _("Local vision")
    default_auto_field = "django.db.models.BigAutoField"
