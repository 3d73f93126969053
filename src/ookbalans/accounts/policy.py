"""Who must pass a second factor, and which address a login attempt comes from."""

from __future__ import annotations

from django.conf import settings
from django_otp import user_has_device

from ookbalans.catalogue.models import Membership


def second_factor_required(user) -> bool:
    """Coordinators, organisation editors and superusers must use two-step verification when the operator
    turns it on: organisation editors change what parents see from outside the coalition's own team."""
    if not user.is_authenticated or not settings.OOKBALANS_REQUIRE_2FA:
        return False
    if user.is_superuser:
        return True
    required = (Membership.Role.COORDINATOR, Membership.Role.ORGANISATION_EDITOR)
    return Membership.objects.filter(user=user, role__in=required).exists()


def second_factor_enforced(user) -> bool:
    """Required users, and anyone who chose to set up a device, must verify before working."""
    if not user.is_authenticated:
        return False
    return second_factor_required(user) or user_has_device(user)


def forwarded_client(remote_addr: str, forwarded_for: str, proxy_count: int) -> str:
    """The client's address as seen by the outermost of `proxy_count` trusted proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so the
    client is the `proxy_count`-th entry from the right; anything further left is the client's own claim.
    Without trusted proxies, or with a shorter header, the socket's address is the only fact.
    """
    if proxy_count <= 0:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < proxy_count:
        return remote_addr
    return hops[-proxy_count]


def client_ip(request) -> str:
    """django-axes' AXES_CLIENT_IP_CALLABLE: the address whose failures count toward a lockout."""
    return forwarded_client(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.OOKBALANS_PROXY_COUNT,
    )
