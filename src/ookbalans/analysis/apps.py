"""App configuration of analysis."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class AnalysisConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.analysis"
    verbose_name = _("Gap analysis")
    demo_order = 20  # after search: the earlier snapshot reads the demo's searches without results
