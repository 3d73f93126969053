"""Template context every page gets: whether the site holds demonstration data."""

from ookbalans.catalogue.models import Coalition


def demo_notice(request) -> dict:
    """Pages say so when the site holds invented demonstration data, so nobody mistakes it for real.

    A view that asked it together with its own query (the finder's pages) leaves the answer on the
    request as `site_has_demo_data`; other pages ask here.
    """
    known = getattr(request, "site_has_demo_data", None)
    if known is None:
        known = Coalition.objects.filter(is_demo=True).exists()
    return {"site_has_demo_data": known}
