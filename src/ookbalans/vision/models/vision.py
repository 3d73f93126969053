"""One version of a coalition's vision, the lock that freezes it once adopted, and the base of its parts."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition, Municipality, Organisation
from ookbalans.framework import codes
from ookbalans.framework.models import Edition

SECTION_CHOICES = codes.choices(codes.VISION_SECTIONS)


class VisionLocked(ValidationError):
    """Raised when something would change an adopted vision, which is read-only for good."""

    def __init__(self):
        super().__init__(
            _("This version has been adopted and can no longer be changed. Start a new version."),
            code="locked",
        )


def locked_status(vision_id) -> str | None:
    """A vision's stored status, locking its row for the rest of the transaction where the database can."""
    return Vision.objects.select_for_update().filter(pk=vision_id).values_list("status", flat=True).first()


class Vision(models.Model):
    """One version of a coalition's local vision, from concept to adopted."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        DISCUSSION = "discussion", _("in discussion")
        ADOPTED = "adopted", _("adopted")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="visions", verbose_name=_("coalition")
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("edition of the building blocks"),
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("based on version"),
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("Like: Samen voor een kansrijke start in Zutphen en Lochem.")
    )
    period_start = models.PositiveSmallIntegerField(
        _("first year"), help_text=_("The first year the vision covers, like 2026.")
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"), help_text=_("The last year the vision covers, like 2029.")
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Why the coalition wrote this vision and how parents and partners took part."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="+",
        blank=True,
        verbose_name=_("municipalities"),
        help_text=_("The municipalities of the coalition this vision is for."),
    )
    signatories = models.ManyToManyField(
        Organisation,
        related_name="+",
        blank=True,
        verbose_name=_("partner organisations that sign"),
        help_text=_("The organisations of the coalition that sign the vision."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"),
        max_length=200,
        blank=True,
        help_text=_("The body that adopted the vision, like: gemeenteraad Zutphen."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last modified at"), auto_now=True)

    class Meta:
        verbose_name = _("vision")
        verbose_name_plural = _("visions")
        ordering = ["coalition", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "version"], name="vision_unique_version"),
            models.CheckConstraint(
                condition=~models.Q(status="adopted")
                | (models.Q(adopted_on__isnull=False) & ~models.Q(adopted_by="")),
                name="vision_adopted_has_date_and_body",
            ),
        ]

    def __str__(self) -> str:
        return _("%(title)s (version %(version)s)") % {"title": self.title, "version": self.version}

    def save(self, *args, **kwargs):
        # Adopted is final: the row as stored decides, so no form or script can reopen it.
        with transaction.atomic():
            if self.stored_status() == self.Status.ADOPTED:
                raise VisionLocked()
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            if self.stored_status() == self.Status.ADOPTED:
                raise VisionLocked()
            return super().delete(*args, **kwargs)

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED

    def clean(self) -> None:
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The last year cannot lie before the first year.")
        for name in ("period_start", "period_end"):
            year = getattr(self, name)
            if year and not 2000 <= year <= 2100:
                errors[name] = _("Give a year between 2000 and 2100, like 2026.")
        if self.status == self.Status.ADOPTED:
            if not self.adopted_on:
                errors["adopted_on"] = _("Give the date on which the vision was adopted.")
            if not self.adopted_by.strip():
                errors["adopted_by"] = _("Give the body that adopted the vision, like: gemeenteraad Zutphen.")
        if errors:
            raise ValidationError(errors)

    def stored_status(self) -> str | None:
        """The status in the database, with the row locked until the transaction ends (on PostgreSQL),
        so a change and an adoption at the same moment cannot both go through."""
        if self._state.adding:
            return None
        return locked_status(self.pk)


class VisionPart(models.Model):
    """Something that belongs to one vision version and is frozen once that version is adopted."""

    vision = models.ForeignKey(Vision, on_delete=models.CASCADE, related_name="+", verbose_name=_("vision"))

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic():
            self.check_editable()
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            self.check_editable()
            return super().delete(*args, **kwargs)

    def check_editable(self) -> None:
        if locked_status(self.vision_id) == Vision.Status.ADOPTED:
            raise VisionLocked()
