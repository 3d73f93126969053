"""The demo's own feed, served by the demo's server (only when OOKBALANS_FEEDS_LOCAL_HTTP is on)."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from ookbalans.feeds import demo_feed


@require_GET
def demo_services(request):
    if not settings.OOKBALANS_FEEDS_LOCAL_HTTP:
        raise Http404
    return HttpResponse(
        demo_feed.page(demo_feed.page_number(request.META.get("QUERY_STRING", ""))),
        content_type="application/json",
    )
