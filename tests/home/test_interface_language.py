"""The interface language middleware: only views marked multilingual honour ?lang=, for one request."""

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from ookbalans.middleware import InterfaceLanguageMiddleware, multilingual


def page(request):
    return HttpResponse(translation.get_language())


def run(view, query: str) -> HttpResponse:
    request = RequestFactory().get("/", {"lang": query})
    middleware = InterfaceLanguageMiddleware(
        lambda request: middleware.process_view(request, view, (), {}) or view(request)
    )
    return middleware(request)


def test_a_multilingual_view_is_shown_in_the_language_asked_for():
    response = run(multilingual(lambda request: page(request)), "tr")
    assert response.content == b"tr"
    assert response["Content-Language"] == "tr"


def test_a_view_not_marked_multilingual_stays_dutch():
    response = run(page, "tr")
    assert response.content == b"nl"
    assert response["Content-Language"] == "nl"


def test_an_unknown_language_falls_back_to_dutch():
    response = run(multilingual(lambda request: page(request)), "xx")
    assert response.content == b"nl"


def test_the_language_ends_with_its_request():
    with translation.override("nl"):
        run(multilingual(lambda request: page(request)), "ar")
        assert translation.get_language() == "nl"


def test_unknown_urls_and_coordinators_pages_ignore_lang(client, db):
    assert client.get("/bestaat-niet/nergens/?lang=en")["Content-Language"] == "nl"
    assert client.get("/visie/?lang=en")["Content-Language"] == "nl"
    assert client.get("/?lang=en")["Content-Language"] == "en"
