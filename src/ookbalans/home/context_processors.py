"""Template context every page gets: whether the site holds demonstration data."""

from ookbalans.catalogue.models import Coalition


def demo_notice(request) -> dict:
    """Pages say so when the site holds invented demonstration data, so nobody mistakes it for real."""
    return {"site_has_demo_data": Coalition.objects.filter(is_demo=True).exists()}
