"""App configuration of feeds."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class FeedsConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.feeds"
    verbose_name = _("Feeds")
    # After the catalogue's and search's demo: the demo feed is imported into the demo coalition.
    demo_order = 20
