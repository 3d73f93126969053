"""App configuration of the landing page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "ookbalans.home"
    verbose_name = _("Landing page")

    def ready(self):
        from ookbalans.home import signals  # noqa: F401
