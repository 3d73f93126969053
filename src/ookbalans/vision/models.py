"""A coalition's local vision: building-block choices, own statements, goals, actions, voices and history."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition, Municipality, Organisation, Service
from ookbalans.framework import codes
from ookbalans.framework.models import Edition, Statement, Term
from ookbalans.vision.validators import refuse_personal_data

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


class StatementChoice(VisionPart):
    """What the coalition does with one building block: adopt it, adapt its wording, or leave it out."""

    class Choice(models.TextChoices):
        ADOPT = "adopt", _("adopt")
        ADAPT = "adapt", _("adapt in own words")
        LEAVE_OUT = "leave_out", _("leave out")

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="statement_choices", verbose_name=_("vision")
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, related_name="+", verbose_name=_("building block")
    )
    choice = models.CharField(_("choice"), max_length=20, choices=Choice.choices)
    wording = models.TextField(_("own wording"), blank=True)
    reason = models.TextField(_("reason for leaving it out"), blank=True)

    class Meta:
        verbose_name = _("choice for a building block")
        verbose_name_plural = _("choices for building blocks")
        ordering = ["vision", "statement__section", "statement__number"]
        constraints = [
            models.UniqueConstraint(fields=["vision", "statement"], name="vision_statement_choice_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.statement.code}: {self.get_choice_display()}"

    def clean(self) -> None:
        if self.choice == self.Choice.ADAPT and not self.wording.strip():
            raise ValidationError(
                {"wording": _("Write the statement in your own words, or choose to adopt it.")}
            )
        if self.choice == self.Choice.LEAVE_OUT and not self.reason.strip():
            raise ValidationError({"reason": _("Say why the coalition leaves this building block out.")})

    @property
    def text(self) -> str:
        """The words the vision uses: the own wording when adapted, the building block's otherwise."""
        return self.wording if self.choice == self.Choice.ADAPT else self.statement.text


class OwnStatement(VisionPart):
    """A statement the coalition adds to a section in its own words."""

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="own_statements", verbose_name=_("vision")
    )
    section = models.CharField(_("section"), max_length=40, choices=SECTION_CHOICES)
    text = models.TextField(_("statement"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("own statement")
        verbose_name_plural = _("own statements")
        ordering = ["vision", "section", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class SectionWork(VisionPart):
    """The coalition's work on one section: its local explanation and whether it has been walked."""

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="sections", verbose_name=_("vision")
    )
    section = models.CharField(_("section"), max_length=40, choices=SECTION_CHOICES)
    explanation = models.TextField(
        _("local explanation"),
        blank=True,
        help_text=_("What this section means here: the local situation, choices and examples."),
    )
    completed = models.BooleanField(_("section finished"), default=False)

    class Meta:
        verbose_name = _("section of the vision")
        verbose_name_plural = _("sections of the vision")
        ordering = ["vision", "section"]
        constraints = [
            models.UniqueConstraint(fields=["vision", "section"], name="vision_section_unique"),
        ]

    def __str__(self) -> str:
        return self.get_section_display()


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

    def clean(self) -> None:
        if self.goal_id and self.vision_id and self.goal.vision_id != self.vision_id:
            raise ValidationError({"goal": _("Choose a goal of this vision.")})
        if (
            self.organisation_id
            and self.vision_id
            and self.organisation.coalition_id != self.vision.coalition_id
        ):
            raise ValidationError({"organisation": _("Choose an organisation of your own coalition.")})


class Voice(VisionPart):
    """Anonymous input of parents or partners on a section, and what the coalition did with it."""

    class Source(models.TextChoices):
        PARENTS = "parents", _("parents")
        PARTNERS = "partners", _("partners")

    class SessionKind(models.TextChoices):
        CONVERSATION = "conversation", _("conversation with parents")
        FOCUS_GROUP = "focus_group", _("focus group")
        SURVEY = "survey", _("survey")
        MEETING = "meeting", _("meeting with partners")
        OTHER = "other", _("other session")

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="voices", verbose_name=_("vision")
    )
    section = models.CharField(_("section"), max_length=40, choices=SECTION_CHOICES)
    source = models.CharField(_("whose voice"), max_length=20, choices=Source.choices)
    session_kind = models.CharField(_("kind of session"), max_length=20, choices=SessionKind.choices)
    held_on = models.DateField(_("date of the session"))
    said = models.TextField(
        _("what was said"),
        validators=[refuse_personal_data],
        help_text=_("In general terms, without names, addresses, e-mail addresses or phone numbers."),
    )
    response = models.TextField(
        _("what the coalition did with it"),
        blank=True,
        validators=[refuse_personal_data],
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("voice of parents or partners")
        verbose_name_plural = _("voices of parents and partners")
        ordering = ["vision", "section", "held_on", "created_at", "id"]

    def __str__(self) -> str:
        return self.said[:60]


class ChangeLogEntry(models.Model):
    """Who changed what in a vision, and when; written in the same transaction as the change."""

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="changes", verbose_name=_("vision")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(
        _("user name"), max_length=150, help_text=_("Kept when the account is removed.")
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    summary = models.CharField(_("change"), max_length=500)
    details = models.TextField(_("details"), blank=True)

    class Meta:
        verbose_name = _("change to a vision")
        verbose_name_plural = _("changes to visions")
        ordering = ["vision", "-at", "-id"]

    def __str__(self) -> str:
        return self.summary
