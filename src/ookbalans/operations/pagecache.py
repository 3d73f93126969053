"""The public page cache: anonymous GETs of the finder and the HSDS read API, answered from Django's cache.

A page is kept under a key made of its full address (scheme, host, path and query string), the page's
language, the request's `Origin` (CORS headers), today's date and its coalition's catalogue version
(`Coalition.catalogue_version`), for at most `OOKBALANS_PAGE_CACHE_SECONDS` (0 turns the cache off).
A kept page is answered whole, headers included, before the middleware that made them runs. Every
write to what a public page shows (a service, its places, costs, opening hours and labels, an
organisation, a location, a contact point, the coalition, local search words, and the reference data
and framework every coalition shares) gives the coalition, or every coalition, a new version in the
same transaction, so its pages are made afresh at the next visit; a write that sends no Django signal
at all is seen when the kept page expires.

Views take part when marked with `ookbalans.middleware.public_page`. Never cached: a request with a
session cookie (a signed-in user: their pages show their menu) or messages waiting, any method but GET,
a response that sets a cookie, carries a CSRF token or says `private`/`no-store`/`no-cache`, anything
but HTTP 200, and a page whose search words (`q`, `search`) may name a person or hold a number: the
cache keeps a page with its search text, so only texts the demand signal could keep whole
(`search.demand.is_impersonal`: known words, no digits, nothing like a name). A response marked with
`again_on_every_visit` (a search without results, which the demand signal counts) has its function
called again at every answer from the cache, so the count is exactly as without the cache. Kept
answers say `X-Cache: hit`, answers just kept say `miss`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from ookbalans.middleware import page_language
from ookbalans.search.engine import impersonal_query

KEY_PREFIX = "page:"
# The cookie in which Django keeps messages for the next page (django.contrib.messages' cookie storage).
MESSAGES_COOKIE = "messages"
# Cache-Control values with which a response refuses to be kept.
NOT_TO_KEEP = ("private", "no-store", "no-cache")
# Parameters that carry a visitor's own words: the finder's search (also passed on to a service page
# for its 'back' link) and the API's. A page is kept with them only when they say nothing of a person.
FREE_TEXT_PARAMETERS = ("q", "search")


def catalogue_version(slug: str | None) -> str:
    """The coalition's catalogue version; without a coalition (the national API) the latest of all.

    Asked on every cacheable request, hits included: plain SQL, a third of the ORM's CPU for it.
    """
    from ookbalans.catalogue.models import Coalition

    with connection.cursor() as cursor:
        if slug is None:
            # A coalition added or deleted changes the count, any other change the latest version.
            cursor.execute(
                f"SELECT MAX(catalogue_version), COUNT(*) FROM {Coalition._meta.db_table}"  # noqa: S608
            )
        else:
            cursor.execute(
                f"SELECT catalogue_version FROM {Coalition._meta.db_table} WHERE slug = %s",  # noqa: S608
                [slug],
            )
        row = cursor.fetchone()
    return ":".join(str(value) for value in row) if row else "none"


def page_key(request, slug: str | None, language: str) -> str:
    """The kept page's key. The request's `Origin` is part of it: the API answers a page from another site
    with CORS headers, which a page asked without one must not get (nor the other way round)."""
    address = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            language,
            request.META.get("HTTP_ORIGIN", ""),
            timezone.localdate().isoformat(),
            catalogue_version(slug),
        )
    )
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def public_page_key(request) -> str | None:
    """The key of the page this request asks for, or None when it is no public page (or no page at all)."""
    if request.path_info.startswith(settings.STATIC_URL):
        return None  # WhiteNoise's static files, further in
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if not getattr(match.func, "public_page", False):
        return None
    slug = match.kwargs.get("coalition") or match.kwargs.get("slug")
    return page_key(request, slug, page_language(request, match.func))


def may_use(request) -> bool:
    """Only anonymous GETs without state of their own: no session and no messages waiting."""
    return (
        settings.OOKBALANS_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE))
    )


def may_keep(request, response) -> bool:
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # A page with a CSP nonce (django-csp) needs a new one at every answer: the header is kept too.
        and getattr(request, "_csp_nonce", None) is None
        and not (session is not None and session.modified)
        and not (messages is not None and messages.added_new)
        and not any(word in response.get("Cache-Control", "") for word in NOT_TO_KEEP)
        and all(impersonal_query(text) for name in FREE_TEXT_PARAMETERS for text in request.GET.getlist(name))
    )


class PublicPageCacheMiddleware:
    """Answer anonymous GETs of views marked `public_page` from the cache (see the module's docstring).

    Comes right after Django's SecurityMiddleware (HTTPS redirect and HSTS stay per request): a kept page
    is answered whole, with the headers the middleware further in gave it (CSP, frame options, language,
    CORS, length), without running them again. For an anonymous GET they do nothing that depends on the
    request beyond what the key holds: its address, language and `Origin`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = public_page_key(request) if may_use(request) else None
        if key is not None:
            kept = cache.get(key)
            if kept is not None:
                return answer_from(kept)
        response = self.get_response(request)
        if key is not None and may_keep(request, response):
            replay = getattr(response, "page_cache_replay", None)
            cache.set(
                key,
                (response.status_code, list(response.items()), response.content, replay),
                settings.OOKBALANS_PAGE_CACHE_SECONDS,
            )
            response["X-Cache"] = "miss"
        return response


def answer_from(kept) -> HttpResponse:
    status, headers, content, replay = kept
    if replay is not None:
        function, args = replay
        import_string(function)(*args)
    response = HttpResponse(content, status=status, headers=headers)
    # As the view's own answer has: whether someone is signed in decides the page's menu.
    patch_vary_headers(response, ("Cookie",))
    response["X-Cache"] = "hit"
    return response


# What the public pages show: a write to any of these gives the owning coalition a new catalogue version
# (or every coalition, for shared reference data and the framework).
WATCHED = (
    "catalogue.Coalition",
    "catalogue.Organisation",
    "catalogue.Location",
    "catalogue.Service",
    "catalogue.ServiceAtLocation",
    "catalogue.Schedule",
    "catalogue.CostOption",
    "catalogue.ContactPoint",
    "catalogue.Municipality",
    "catalogue.PostcodeArea",
    "catalogue.Language",
    "catalogue.NationalIntervention",
    "framework.Term",
    "framework.Edition",
    "framework.Statement",
    "framework.ContactPrinciple",
    "search.LocalWord",
)


# True while a bulk write (a restore) leaves the versions to its end.
_all_afterwards: ContextVar[bool] = ContextVar("page_cache_all_afterwards", default=False)


def new_version() -> int:
    return time.time_ns()


def bump(coalition_ids) -> None:
    """Give these coalitions a new catalogue version (one UPDATE, or a subquery's coalitions)."""
    from ookbalans.catalogue.models import Coalition

    Coalition.objects.filter(pk__in=coalition_ids).update(catalogue_version=new_version())


def bump_all() -> None:
    """Give every coalition a new catalogue version (shared data changed, or a restore)."""
    from ookbalans.catalogue.models import Coalition

    Coalition.objects.update(catalogue_version=new_version())


def bump_owner_of(instance) -> None:
    """A new version for the coalition whose public pages show this row, or for all when it is shared."""
    from ookbalans.catalogue.models import Coalition, Service, ServiceAtLocation

    if isinstance(instance, Coalition):
        bump([instance.pk])
    elif getattr(instance, "coalition_id", None):
        bump([instance.coalition_id])
    elif getattr(instance, "service_id", None):
        # A place or cost of a service: one UPDATE through the service's coalition.
        bump(Service.objects.filter(pk=instance.service_id).values("coalition_id"))
    elif getattr(instance, "service_at_location_id", None):
        bump(
            ServiceAtLocation.objects.filter(pk=instance.service_at_location_id).values(
                "service__coalition_id"
            )
        )
    else:
        bump_all()


@contextmanager
def every_coalition_afterwards() -> Iterator[None]:
    """Write in bulk (a restore) without a new version per row: every coalition gets one at the end."""
    token = _all_afterwards.set(True)
    try:
        yield
    finally:
        _all_afterwards.reset(token)
    bump_all()


def row_written(sender, instance, raw=False, **kwargs):
    if not raw and per_row():  # raw: loaddata, which should end with bump_all
        bump_owner_of(instance)


def labels_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    from ookbalans.catalogue.models import Coalition, Service

    if not action.startswith("post_") or not per_row():
        return
    if not reverse:
        bump_owner_of(instance)  # a service's (or coalition's) own labels, languages or municipalities
    elif model is Service and pk_set:
        # A term or language gained or lost services: their coalitions.
        bump(Service.objects.filter(pk__in=pk_set).values("coalition_id"))
    elif model is Coalition and pk_set:
        bump(pk_set)
    else:
        bump_all()


def services_written(sender, service_ids, **kwargs):
    """An import or the management API wrote services in bulk (catalogue_changed)."""
    from ookbalans.catalogue.models import Service

    if _all_afterwards.get():
        return
    bump(Service.objects.filter(pk__in=list(service_ids)).values("coalition_id"))


def coalition_written_in_bulk(sender, coalition_id, **kwargs):
    """An import wrote one coalition's catalogue in bulk (organisations, locations, contact points)."""
    if not _all_afterwards.get():
        bump([coalition_id])


def per_row() -> bool:
    """Whether a row's signal gives a new version now: not in a restore, nor in an import (it follows)."""
    from ookbalans.catalogue.changes import written_in_bulk_now

    return not _all_afterwards.get() and not written_in_bulk_now()


def connect() -> None:
    """Connect the receivers that give coalitions new versions (OperationsConfig.ready)."""
    from django.apps import apps

    from ookbalans.catalogue.changes import catalogue_changed, coalition_written

    for label in WATCHED:
        model = apps.get_model(label)
        uid = f"pagecache_{model._meta.label_lower}"
        post_save.connect(row_written, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(row_written, sender=model, dispatch_uid=f"{uid}_deleted")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                labels_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}_{field.name}"
            )
    catalogue_changed.connect(services_written, dispatch_uid="pagecache_bulk")
    coalition_written.connect(coalition_written_in_bulk, dispatch_uid="pagecache_coalition_bulk")
