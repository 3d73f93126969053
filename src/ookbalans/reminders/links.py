"""The one-click "still correct" link: a signed, expiring token naming a check round and its recipient."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from ookbalans.audit import context
from ookbalans.catalogue.models import Service
from ookbalans.reminders.models import CheckRound

SALT = "ookbalans.reminders.still-correct"


def make_token(round_id: int, user_id: int | None, email: str) -> str:
    """The link's token: the round and the recipient's account (or, without one, the address mailed)."""
    data = {"r": round_id, "u": user_id} if user_id else {"r": round_id, "e": email}
    return signing.TimestampSigner(salt=SALT).sign_object(data, compress=True)


@dataclass(frozen=True)
class Link:
    """What a link says, once its signature is checked: the round, and who was asked to check it."""

    round: CheckRound | None
    user: object
    email: str
    problem: str = ""  # "tampered", "expired", "used" or "" when it may be used

    @property
    def usable(self) -> bool:
        return not self.problem


def read(token: str) -> Link:
    """The link's round and recipient; a changed or expired link names its problem and nothing else."""
    max_age = settings.OOKBALANS_REMINDER_LINK_DAYS * 24 * 60 * 60
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        return Link(None, None, "", "expired")
    except (signing.BadSignature, ValueError, TypeError):
        return Link(None, None, "", "tampered")
    if not isinstance(data, dict):
        return Link(None, None, "", "tampered")
    check_round = (
        CheckRound.objects.select_related("service__coalition", "service__organization")
        .filter(pk=data.get("r"))
        .first()
    )
    user = (
        get_user_model().objects.filter(pk=data.get("u"), is_active=True).first() if data.get("u") else None
    )
    if check_round is None:
        return Link(None, user, data.get("e", ""), "used")
    return Link(check_round, user, data.get("e", ""), "" if check_round.is_open else "used")


def checked_by(link: Link) -> str:
    """How the check is recorded on the service: who confirmed it, and that it came through the mail."""
    name = (link.user.get_full_name() or link.user.get_username()) if link.user else link.email
    name = name or link.round.service.coalition.name
    return (gettext("%(name)s, through the reminder mail") % {"name": name})[
        : Service._meta.get_field("last_checked_by").max_length
    ]


def confirm(link: Link) -> bool:
    """Mark the link's service checked today, once: False when the round was closed meanwhile."""
    if not link.usable:
        return False
    today = timezone.localdate()
    with transaction.atomic():
        check_round = (
            CheckRound.objects.select_for_update().filter(pk=link.round.pk, checked_on__isnull=True).first()
        )
        if check_round is None:
            return False
        by = checked_by(link)
        context.act_as(user=link.user, name=by)
        service = check_round.service
        service.last_checked_on, service.last_checked_by = today, by
        service.save(update_fields=["last_checked_on", "last_checked_by", "modified_at"])
        check_round.checked_on, check_round.checked_by = today, by
        check_round.save(update_fields=["checked_on", "checked_by"])
    return True
