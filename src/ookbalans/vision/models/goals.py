"""The goals that follow from a vision and the actions towards them."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Organisation, Service
from ookbalans.framework import codes
from ookbalans.framework.models import Term
from ookbalans.vision.models.vision import Vision, VisionPart


class Goal(VisionPart):
    """A goal that follows from the vision: measurable, with an indicator, a target value and a date."""

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="goals", verbose_name=_("vision")
    )
    # The same goal across versions keeps its key, so comparing versions follows renamed goals.
    key = models.UUIDField(_("key across versions"), default=uuid.uuid4, editable=False)
    title = models.CharField(_("goal"), max_length=300, help_text=_("What the coalition wants to reach."))
    description = models.TextField(_("explanation"), blank=True)
    aims = models.ManyToManyField(
        Term,
        related_name="+",
        limit_choices_to={"taxonomy": codes.AIMS.code},
        verbose_name=_("aims of the support pyramid"),
        help_text=_("Which of the five aims of the support pyramid this goal serves."),
    )
    pyramid_levels = models.ManyToManyField(
        Term,
        related_name="+",
        limit_choices_to={"taxonomy": codes.PYRAMID_LEVELS.code},
        blank=True,
        verbose_name=_("levels of the support pyramid"),
    )
    phases = models.ManyToManyField(
        Term,
        related_name="+",
        limit_choices_to={"taxonomy": codes.PHASES.code},
        blank=True,
        verbose_name=_("phases"),
    )
    indicator = models.CharField(
        _("indicator"), max_length=300, help_text=_("What you measure, like: share of fathers reached.")
    )
    target_value = models.CharField(_("target value"), max_length=100, help_text=_("Like: 60% or 25 groups."))
    target_date = models.DateField(_("target date"), help_text=_("When the target value must be reached."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["vision", "target_date", "created_at", "id"]

    def __str__(self) -> str:
        return self.title


OPEN_STATUSES = ("planned", "running")


def is_overdue(deadline: datetime.date | None, status: str, today: datetime.date | None = None) -> bool:
    """An action is overdue when its deadline has passed while it is still planned or in progress."""
    return deadline is not None and status in OPEN_STATUSES and deadline < (today or timezone.localdate())


def overdue_actions(today: datetime.date | None = None) -> models.Q:
    """The filter for overdue actions, the same rule as `is_overdue`."""
    return models.Q(status__in=OPEN_STATUSES, deadline__lt=today or timezone.localdate())


class Action(VisionPart):
    """An action towards a goal: who does it, by when, and which services it creates or strengthens."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("in progress")
        DONE = "done", _("done")
        STOPPED = "stopped", _("stopped")

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="actions", verbose_name=_("vision")
    )
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions", verbose_name=_("goal"))
    key = models.UUIDField(_("key across versions"), default=uuid.uuid4, editable=False)
    title = models.CharField(_("action"), max_length=300, help_text=_("What will be done."))
    description = models.TextField(_("explanation"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,  # keeps the action when an organisation leaves the catalogue
        null=True,
        related_name="+",
        verbose_name=_("owning organisation"),
        help_text=_("The organisation of the coalition that carries out the action."),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    services = models.ManyToManyField(
        Service,
        related_name="+",
        blank=True,
        verbose_name=_("existing services"),
        help_text=_("Services from the catalogue that this action creates or strengthens."),
    )
    planned_services = models.TextField(
        _("planned services"),
        blank=True,
        help_text=_("New services that do not exist yet, one per line."),
    )
    # Findings are computed, not stored as rows: keep each one's stable key with the sentence as it
    # read when linked, so the link still says something once the finding is resolved.
    gap_findings = models.JSONField(
        _("gap findings it answers"),
        default=list,
        blank=True,
        help_text=_("Findings of the gap analysis this action answers."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["vision", "deadline", "created_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        """Past its deadline and neither done nor stopped."""
        return is_overdue(self.deadline, self.status)

    def clean(self) -> None:
        if self.goal_id and self.vision_id and self.goal.vision_id != self.vision_id:
            raise ValidationError({"goal": _("Choose a goal of this vision.")})
        if (
            self.organisation_id
            and self.vision_id
            and self.organisation.coalition_id != self.vision.coalition_id
        ):
            raise ValidationError({"organisation": _("Choose an organisation of your own coalition.")})
