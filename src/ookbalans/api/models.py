"""Access tokens of the management API: one or more per coalition, stored hashed, revocable."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition

PREFIX = "ookb_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A secret that lets a system change one coalition's services; only its hash is stored."""

    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("coalition"),
        help_text=_("The token may only change this coalition's services."),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("Who or which system uses it, like 'website municipality'.")
    )
    key_hash = models.CharField(_("hash of the token"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("first characters"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["coalition", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def issue(cls, coalition: Coalition, name: str) -> tuple[ApiToken, str]:
        """Create a token; the secret is returned once and never stored."""
        secret = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            coalition=coalition, name=name, key_hash=hash_token(secret), prefix=secret[:10]
        )
        return token, secret

    @classmethod
    def find(cls, secret: str) -> ApiToken | None:
        token = (
            cls.objects.filter(key_hash=hash_token(secret), revoked_at__isnull=True)
            .select_related("coalition")
            .first()
        )
        if token is not None:
            cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
