"""Marks for public views, and the interface language: Dutch, except where `?lang=` may choose another."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

# The interface's languages (settings.LANGUAGES); a page in any other is not asked for.
INTERFACE_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


def multilingual(view):
    """Mark a public view whose page a parent may read in another language, asked for with `?lang=`."""
    view.multilingual = True
    return view


def public_page(view):
    """Mark a public view whose answers to anonymous visitors the page cache may keep (pagecache.py)."""
    view.public_page = True
    return view


def again_on_every_visit(response, function: str, *args):
    """Have the page cache call `function(*args)` (a dotted path) whenever it answers with this response.

    For a view that records something on each visit (the demand signal): a kept page records it too.
    The arguments are kept with the page, so they must be plain values.
    """
    response.page_cache_replay = (function, args)
    return response


class InterfaceLanguageMiddleware:
    """Activate the language for one request only, and say it in the `Content-Language` header.

    Only the URL decides, never the browser's Accept-Language or a cookie: a shared link then shows
    the same page to everyone, and a professional's list keeps the parent's language. The middleware
    knows no URLs: a view that is not marked with `multilingual` is shown in Dutch.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        # Active only for this request: the thread goes back to the language it had, so whatever it
        # does next (another request, a test, a management task) does not inherit a parent's choice.
        with translation.override(settings.LANGUAGE_CODE):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        language = page_language(request, view_func)
        if language != settings.LANGUAGE_CODE:
            request.LANGUAGE_CODE = language
            translation.activate(language)  # undone when the override in __call__ ends
        return None


def page_language(request, view_func) -> str:
    """The language of this view's page for this request: `?lang=` on a multilingual view, else Dutch."""
    asked = request.GET.get("lang", "")
    if getattr(view_func, "multilingual", False) and asked in INTERFACE_LANGUAGES:
        return asked
    return settings.LANGUAGE_CODE
