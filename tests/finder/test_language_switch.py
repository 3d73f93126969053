"""The language switch taken from memory is the switch Django renders for the page's own address."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import get_language_info

from ookbalans.finder.templatetags import finder_language

ADDRESSES = [
    ("/voorbeeldregio/", {}),
    ("/voorbeeldregio/zoeken/", {"q": 'moe & "verdrietig" <b>', "niveau": ["basis", "steuntje"]}),
    ("/voorbeeldregio/zoeken/", {"q": "huilen", "lang": "ar", "postcode": "7241"}),
    ("/voorbeeldregio/aanbod/1/", {"q": "slaap", "van": "professionals", "lang": "en"}),
    ("/voorbeeldregio/zoeken/", {"q": "ünïcödé ‘woorden’ ?&="}),
]


def each_language(request) -> list[dict]:
    """The switch's links worked out per language from the request, as Django's forms would write them."""
    links = []
    for code, _name in settings.LANGUAGES:
        params = {key: values for key, values in request.GET.lists() if key != "lang"}
        if code != settings.LANGUAGE_CODE:
            params["lang"] = [code]
        query = urlencode(params, doseq=True)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": request.path + (f"?{query}" if query else ""),
                "current": code == translation.get_language(),
                "bidi": info["bidi"],
            }
        )
    return links


def switch(request) -> str:
    template = engines["django"].from_string("{% load finder_language %}{% language_switch %}")
    return template.render({"request": request})


@pytest.mark.parametrize(("path", "params"), ADDRESSES)
@pytest.mark.parametrize("language", ["nl", "ar", "tr"])
def test_a_remembered_switch_is_the_switch_for_this_address(path, params, language):
    finder_language._rendered.clear()
    request = RequestFactory().get(path, params)
    with translation.override(language):
        expected = render_to_string(finder_language.SWITCH_TEMPLATE, {"links": each_language(request)})
        assert switch(request) == expected  # made with holes
        assert switch(request) == expected  # from memory
    assert len(finder_language._rendered) == 1


def test_each_language_keeps_the_query_and_says_its_own_language():
    links = finder_language.links("/x/zoeken/", "q=a+b&fase=baby", "ar")
    urls = {link["code"]: link["url"] for link in links}
    assert urls["nl"] == "/x/zoeken/?q=a+b&fase=baby"
    assert urls["ar"] == "/x/zoeken/?q=a+b&fase=baby&lang=ar"
    assert [link["code"] for link in links if link["current"]] == ["ar"]
    assert {link["code"]: link["bidi"] for link in links}["ar"] is True
    assert finder_language.links("/x/", "", "nl")[0]["url"] == "/x/"


def test_a_switch_on_another_page_has_that_pages_address():
    finder_language._rendered.clear()
    first = switch(RequestFactory().get("/een/", {"q": "a"}))
    second = switch(RequestFactory().get("/twee/", {"q": "<b>"}))
    assert 'href="/een/?q=a&amp;lang=en"' in first and "/twee/" not in first
    assert 'href="/twee/?q=%3Cb%3E&amp;lang=en"' in second and "/een/" not in second
    assert "\x00" not in first + second


def test_pages_without_a_query_and_in_other_languages_get_their_own_switch():
    finder_language._rendered.clear()
    switch(RequestFactory().get("/een/", {"q": "a"}))
    bare = switch(RequestFactory().get("/twee/"))
    assert 'href="/twee/"' in bare and 'href="/twee/?lang=en"' in bare and "?&" not in bare
    with translation.override("ar"):
        arabic = switch(RequestFactory().get("/twee/"))
    assert arabic != bare and 'lang="ar" hreflang="ar" dir="rtl" aria-current="true"' in arabic
