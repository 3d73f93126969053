"""The interface language: from `?lang=` in the URL (shareable, no cookie), else Dutch."""

from django.conf import settings
from django.utils import translation

# Pages for coordinators stay in Dutch, whatever the browser asks.
DUTCH_ONLY_PREFIXES = ("/admin/", "/analyse/", "/visie/", "/uitwisseling/", "/api/")


class InterfaceLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        asked = request.GET.get("lang", "")
        # Only the URL decides, never the browser's Accept-Language or a cookie: a shared link
        # then shows the same page to everyone, and a professional's list keeps the parent's language.
        if asked in self.languages and not request.path_info.startswith(DUTCH_ONLY_PREFIXES):
            language = asked
        else:
            language = settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Active only for this request: the thread goes back to the language it had, so whatever it
        # does next (another request, a test, a management task) does not inherit a parent's choice.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
