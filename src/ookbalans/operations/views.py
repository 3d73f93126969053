"""The health endpoint for load balancers and monitoring: 200 when healthy, 503 otherwise."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ookbalans.operations.health import health


@never_cache
@require_safe
def health_check(request):
    healthy, checks = health()
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", **checks}, status=200 if healthy else 503
    )
