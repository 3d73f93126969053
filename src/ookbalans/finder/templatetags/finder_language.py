"""The language switch: plain links to the same page in each interface language, without JavaScript."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.inclusion_tag("finder/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        params = {key: values for key, values in (request.GET.lists() if request else []) if key != "lang"}
        if code != settings.LANGUAGE_CODE:
            params["lang"] = [code]
        query = urlencode(params, doseq=True)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": (request.path if request else "/") + (f"?{query}" if query else ""),
                "current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"links": links}
