"""Anonymous voices of parents and partners on a section of a vision."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.vision.models.vision import SECTION_CHOICES, Vision, VisionPart
from ookbalans.vision.validators import refuse_personal_data


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
