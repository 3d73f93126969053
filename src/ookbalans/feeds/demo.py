"""The demo's feed: the demo coalition subscribes to a regional JGZ feed, pulled at load from the fixture."""

from __future__ import annotations

from django.conf import settings

from ookbalans.catalogue.models import Coalition
from ookbalans.feeds import demo_feed, pulling
from ookbalans.feeds.models import Feed

NAME = "JGZ Regio IJssel (voorbeeldfeed)"


def load_demo() -> dict[str, int]:
    """Subscribe the demo coalition to the feed (changes waiting for review) and pull it once; idempotent."""
    coalition = Coalition.objects.filter(slug="voorbeeldregio").first()
    if coalition is None or Feed.objects.filter(coalition=coalition, name=NAME).exists():
        return {}
    # The running demo (`python3 dev.py demo`) serves the feed itself at its address; the load pulls
    # it from the same fixture served on a free port for a moment, through the same pull code.
    url = settings.OOKBALANS_SITE_URL.rstrip("/") + demo_feed.PATH
    feed = Feed.objects.create(coalition=coalition, name=NAME, url=url, mode=Feed.Mode.REVIEW)
    with demo_feed.served() as address:
        pulling.pull(feed, url=address, allow_local=True)
    return {"feed": 1}
