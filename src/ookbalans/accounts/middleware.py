"""Sends a signed-in user who still owes the second factor to the verification (or setup) page."""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from ookbalans.accounts.policy import second_factor_enforced


class SecondFactorMiddleware:
    """Deny by default: only the verification pages, logout, static files and the open APIs stay reachable.

    A password alone then opens nothing of the admin, the analysis, the vision or the exchange pages,
    whatever decorator a view uses. Needs django-otp's OTPMiddleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not self.is_open(request.path)
            and second_factor_enforced(user)
        ):
            target = "accounts:verify" if django_otp.user_has_device(user) else "accounts:setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def is_open(path: str) -> bool:
        open_prefixes = (
            reverse("accounts:verify"),
            reverse("admin:logout"),
            settings.STATIC_URL,
            reverse("health"),
            "/api/",
        )
        return path.startswith(open_prefixes)
