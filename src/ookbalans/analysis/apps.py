"""App configuration of analysis."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "ookbalans.analysis"
    verbose_name = _("Gap analysis")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.analysis.demo import load_demo
        from ookbalans.catalogue import demo_hooks

        # After search: the earlier snapshot reads the demo's searches without results.
        demo_hooks.subscribe(self.name, load_demo, order=20)
