"""The page behind a "still correct" link: a GET shows the service and a button, only a POST marks it."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect

from ookbalans.reminders import links

STATUS = {"tampered": 400, "expired": 410, "used": 410}


@csrf_protect
def confirm(request, token: str):
    link = links.read(token)
    done = False
    if request.method == "POST" and link.usable:
        done = links.confirm(link)
        if not done:
            link = links.read(token)  # closed meanwhile: say so
    response = render(
        request,
        "reminders/confirm.html",
        {"link": link, "done": done, "service": link.round.service if link.round else None},
        status=200 if done or link.usable else STATUS[link.problem],
    )
    # The link is personal: never kept by a cache, and the page is never shown inside another site.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
