"""App configuration of feeds."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class FeedsConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.feeds"
    verbose_name = _("Feeds")
    # Last: it reads only the demo coalition, and no other app's demo reads the feed.
    demo_order = 50

    def ready(self):
        super().ready()
        from ookbalans.audit.tracking import track
        from ookbalans.feeds.models import Feed

        # Subscribing, and changing how a feed's changes are taken over, are entries in the trail; a
        # pull writes its own entry when it changes the catalogue (and none when it does not).
        track(Feed, lambda feed: feed.coalition_id)
