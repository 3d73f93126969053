"""App configuration of feeds."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class FeedsConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.feeds"
    verbose_name = _("Feeds")
    # Last: it reads only the demo coalition, and no other app's demo reads the feed.
    demo_order = 50
