"""Template context every page gets: whether the site holds demonstration data."""

from django.core.cache import cache

from ookbalans.catalogue.models import Coalition

# The answer is the same for every page and changes only when a coalition is saved or deleted
# (home/signals.py forgets it at once in this process; other processes see it within this time).
DEMO_DATA_KEY = "home:site-has-demo-data"
DEMO_DATA_SECONDS = 60


def site_has_demo_data() -> bool:
    return cache.get_or_set(
        DEMO_DATA_KEY, lambda: Coalition.objects.filter(is_demo=True).exists(), DEMO_DATA_SECONDS
    )


def forget_demo_data() -> None:
    cache.delete(DEMO_DATA_KEY)


def demo_notice(request) -> dict:
    """Pages say so when the site holds invented demonstration data, so nobody mistakes it for real."""
    return {"site_has_demo_data": site_has_demo_data()}
