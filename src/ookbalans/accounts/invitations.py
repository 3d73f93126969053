"""Sending an invitation and accepting it: the mail, the new account and its membership."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ookbalans.accounts.models import Invitation
from ookbalans.catalogue.models import Membership


def send_invitation(request, invitation: Invitation) -> None:
    """The Dutch invitation mail with the one-time link, in the coalition's name."""
    link = request.build_absolute_uri(reverse("accounts:accept_invitation", args=[invitation.token()]))
    context = {"invitation": invitation, "link": link}
    with translation.override("nl"):
        subject = render_to_string("accounts/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/invitation_mail.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def accept(invitation: Invitation, *, password: str, user=None):
    """Make (or take) the account, give it the organisation editor's membership, and close the invitation."""
    if user is None:
        user = get_user_model().objects.create_user(
            username=invitation.email, email=invitation.email, password=password, is_staff=True
        )
    elif not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    Membership.objects.create(
        user=user,
        coalition=invitation.coalition,
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=invitation.organisation,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user


def existing_account(invitation: Invitation):
    """The account already registered under the invited address, if any."""
    return get_user_model().objects.filter(username__iexact=invitation.email).first()


def already_member(invitation: Invitation) -> bool:
    """Whether the invited address already has a role in the coalition (which an invitation never changes)."""
    return Membership.objects.filter(
        user__username__iexact=invitation.email, coalition=invitation.coalition
    ).exists()
