"""What a vision says per section: choices for building blocks, own statements and the section's work."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.framework.models import Statement
from ookbalans.vision.models.vision import SECTION_CHOICES, Vision, VisionPart


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
