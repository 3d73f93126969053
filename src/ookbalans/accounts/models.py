"""Invitations: a coordinator asks someone by e-mail to keep an organisation's entries up to date."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition, Membership, Organisation

# How long an invitation link works; after that the coordinator sends a new one.
VALID_FOR = timedelta(days=7)
SIGNING_SALT = "ookbalans.accounts.invitation"


class Invitation(models.Model):
    """An open (or used) invitation to become an organisation editor; the link carries its signed id."""

    email = models.EmailField(_("email address"), help_text=_("Where the invitation link is sent."))
    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("coalition")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
        help_text=_("The organisation whose services and locations the new editor keeps up to date."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} — {self.organisation}"

    @property
    def role(self) -> str:
        return Membership.Role.ORGANISATION_EDITOR

    def token(self) -> str:
        return signing.TimestampSigner(salt=SIGNING_SALT).sign(str(self.pk))

    @property
    def expires_at(self):
        return self.created_at + VALID_FOR

    def is_open(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at

    @classmethod
    def from_token(cls, token: str) -> Invitation | None:
        """The open invitation a link names; None when tampered with, expired or already used."""
        try:
            pk = signing.TimestampSigner(salt=SIGNING_SALT).unsign(token, max_age=VALID_FOR)
        except signing.BadSignature:  # includes SignatureExpired
            return None
        invitation = cls.objects.select_related("coalition", "organisation").filter(pk=pk).first()
        return invitation if invitation is not None and invitation.is_open() else None


class OrganisationEditor(Membership):
    """The organisation editors of a coalition, as the coordinators see and remove them."""

    class Meta:
        proxy = True
        verbose_name = _("organisation editor")
        verbose_name_plural = _("organisation editors")
