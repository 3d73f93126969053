"""Coalitions, their members' roles, and the common base of everything a coalition owns."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import choices
from ookbalans.catalogue.fields import PhoneNumberField, WebAddressField
from ookbalans.catalogue.models.reference_data import Municipality


class Coalition(models.Model):
    """A local Kansrijke Start coalition and the municipalities it covers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(
        _("name"), max_length=200, unique=True, help_text=_("The coalition's name, as partners know it.")
    )
    slug = models.SlugField(
        _("short name in web addresses"),
        unique=True,
        help_text=_("Lower-case letters, digits and hyphens, like zutphen-lochem. Used in web addresses."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="coalitions",
        verbose_name=_("municipalities"),
        help_text=_("The municipalities the coalition covers; a coalition may span several."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("A few sentences on who works together and why.")
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("A general address where partners and the council reach the coalition."),
    )
    phone = PhoneNumberField(_("phone number"), blank=True, help_text=_("Like 0575 512 345 or 06 12345678."))
    website = WebAddressField(
        _("website"),
        blank=True,
        help_text=_("The coalition's own web page, if it has one. Starts with https://"),
    )
    review_organisation_changes = models.BooleanField(
        _("review changes by organisation editors"),
        default=True,
        help_text=_(
            "A change by an organisation editor waits for a coordinator's approval before parents see it. "
            "Coordinators' and editors' own changes are published at once."
        ),
    )
    is_demo = models.BooleanField(
        _("demonstration data"),
        default=False,
        help_text=_("Invented data to show how ookbalans works. Marked as such on every page."),
    )
    # Set to a new value by every write to what the coalition's public pages show, in the same transaction:
    # the public page cache's keys hold it (operations/pagecache.py). Not shown or edited anywhere.
    catalogue_version = models.BigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in a coalition: what they may see and change there."""

    Role = choices.Role

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
        help_text=_("The person's account; accounts are made by the administrator."),
    )
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("coalition"),
        help_text=_("The coalition in which the person has this role."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        help_text=_(
            "Coordinators change everything of the coalition, editors change its offering, viewers only "
            "read; an organisation editor changes only the services and locations of one organisation."
        ),
    )
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="editor_memberships",
        verbose_name=_("organisation"),
        help_text=_("Only for organisation editors: the organisation whose entries they keep up to date."),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["coalition", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "coalition"], name="catalogue_membership_unique"),
            # An organisation editor has exactly one organisation; the other roles cover the coalition.
            models.CheckConstraint(
                condition=(Q(role=choices.Role.ORGANISATION_EDITOR) & Q(organisation__isnull=False))
                | (~Q(role=choices.Role.ORGANISATION_EDITOR) & Q(organisation__isnull=True)),
                name="catalogue_membership_organisation_for_organisation_editors",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.coalition} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if self.role == self.Role.ORGANISATION_EDITOR and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("Choose the organisation this editor keeps up to date.")}
            )
        if self.role != self.Role.ORGANISATION_EDITOR and self.organisation_id:
            raise ValidationError(
                {"organisation": _("Only organisation editors are tied to one organisation.")}
            )
        if self.organisation_id and self.coalition_id and self.organisation.coalition_id != self.coalition_id:
            raise ValidationError({"organisation": _("Choose an organisation of the same coalition.")})


class CoalitionOwned(models.Model):
    """Common fields of what belongs to one coalition: a stable UUID (also the HSDS id) and timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.CASCADE,
        verbose_name=_("coalition"),
        help_text=_("The coalition this belongs to."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last modified at"), auto_now=True)

    class Meta:
        abstract = True
