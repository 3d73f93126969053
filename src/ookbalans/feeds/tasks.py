"""The background task of feeds, run by the worker (`ookbalans db_worker`)."""

from django_tasks import task

from ookbalans.feeds import pulling
from ookbalans.feeds.models import Feed


@task()
def pull_feeds(coalition_slug: str = "", feed_id: str = "") -> list[str]:
    """Pull one feed, or every active feed (of one coalition); returns one line per feed."""
    if feed_id:
        feed = Feed.objects.select_related("coalition").filter(pk=feed_id).first()
        results = [pulling.pull(feed)] if feed is not None else []
    else:
        results = pulling.pull_all(coalition_slug or None)
    return [f"{result.feed.coalition.slug}/{result.feed.name}: {result.summary()}" for result in results]
