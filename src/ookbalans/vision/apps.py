"""App configuration of vision."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class VisionConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.vision"
    verbose_name = _("Local vision")
    demo_order = 30  # reads only the catalogue; last, as before the hook existed
