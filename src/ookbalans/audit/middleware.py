"""Each request is one audit scope: its entries name the signed-in user (or the API token)."""

from ookbalans.audit import context


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with context.scope(request=request):
            return self.get_response(request)
