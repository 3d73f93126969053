"""Two-step verification pages (set up, verify, recovery codes), accepting an invitation, the lockout page."""

from __future__ import annotations

from base64 import b32encode

import django_otp
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ookbalans.accounts import invitations
from ookbalans.accounts.forms import CodeForm, ExistingPasswordForm, NewPasswordForm
from ookbalans.accounts.models import Invitation
from ookbalans.accounts.policy import second_factor_enforced
from ookbalans.accounts.qr import grouped_secret, qr_svg

RECOVERY_CODE_COUNT = 10
NEXT_KEY = "accounts_next"
CODES_KEY = "accounts_recovery_codes"


def page_context(request, **extra) -> dict:
    """The admin's frame (header, user links) without its app sidebar: these pages come before the work."""
    return {**admin.site.each_context(request), "is_nav_sidebar_enabled": False, **extra}


def safe_next(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or request.session.get(NEXT_KEY, "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


@login_required
def verify(request):
    """Ask for a code from the app, or a recovery code, once per login."""
    user = request.user
    if user.is_verified() or not second_factor_enforced(user):
        return redirect(safe_next(request))
    if not django_otp.user_has_device(user):
        return redirect(f"{reverse('accounts:setup')}?next={safe_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(safe_next(request))
        form.add_error("code", _("This code is not correct. Codes from the app change every 30 seconds."))
    return render(request, "accounts/verify.html", page_context(request, form=form, next=safe_next(request)))


@login_required
def setup(request):
    """Link an authenticator app: the secret as text and as a QR code, confirmed with a first code."""
    user = request.user
    if django_otp.user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('accounts:verify')}?next={safe_next(request)}")
    request.session[NEXT_KEY] = safe_next(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            confirm_device(user, device)
            request.session[CODES_KEY] = new_recovery_codes(user)
            django_otp.login(request, device)
            return redirect("accounts:recovery_codes")
        form.add_error(
            "code", _("This code is not correct. Check the time on your phone and try a new code.")
        )
    secret = b32encode(device.bin_key).decode()
    context = page_context(
        request,
        form=form,
        secret=grouped_secret(secret),
        qr=qr_svg(device.config_url),
        next=safe_next(request),
    )
    return render(request, "accounts/setup.html", context)


def confirm_device(user, device: TOTPDevice) -> None:
    """The confirmed device replaces any earlier app of the user."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; earlier codes stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@login_required
def recovery_codes(request):
    """Show the recovery codes once, right after they were made; a verified user may make new ones."""
    if request.method == "POST" and request.user.is_verified():
        request.session[CODES_KEY] = new_recovery_codes(request.user)
        return redirect("accounts:recovery_codes")
    codes = request.session.pop(CODES_KEY, None)
    context = page_context(
        request,
        codes=codes,
        next=request.session.pop(NEXT_KEY, reverse("admin:index")),
        remaining=StaticToken.objects.filter(device__user=request.user).count(),
    )
    return render(request, "accounts/recovery_codes.html", context)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response: what happened, and from what time the login may be tried again."""
    until = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    context = page_context(
        request,
        failure_limit=settings.AXES_FAILURE_LIMIT,
        minutes=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        until=until,
    )
    return render(request, "accounts/locked_out.html", context, status=429)


def accept_invitation(request, token: str):
    """The one-time link of an invitation: set a password (or give the existing one), then log in.

    After login the second-factor middleware asks for two-step verification where it is required.
    """
    invitation = Invitation.from_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", page_context(request), status=404)
    if invitations.already_member(invitation):
        context = page_context(request, invitation=invitation, already_member=True)
        return render(request, "accounts/invitation_invalid.html", context, status=409)
    existing = invitations.existing_account(invitation)
    if existing is None:
        form = NewPasswordForm(request.POST or None, email=invitation.email)
    else:
        form = ExistingPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if existing is None:
            user = invitations.accept(invitation, password=form.cleaned_data["password1"])
        else:
            user = authenticate(
                request, username=existing.get_username(), password=form.cleaned_data["password"]
            )
            if user is None:
                form.add_error("password", _("This password is not correct."))
            else:
                invitations.accept(invitation, password="", user=user)
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("admin:index")
    context = page_context(request, invitation=invitation, form=form, existing=existing)
    return render(request, "accounts/accept_invitation.html", context)
