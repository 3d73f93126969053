"""A coalition's local vision: building-block choices, own statements, goals, actions, voices and history."""

from ookbalans.vision.models.changes import ChangeLogEntry
from ookbalans.vision.models.goals import Action, Goal
from ookbalans.vision.models.logo import CoalitionLogo
from ookbalans.vision.models.statements import OwnStatement, SectionWork, StatementChoice
from ookbalans.vision.models.vision import SECTION_CHOICES, Vision, VisionLocked, VisionPart, locked_status
from ookbalans.vision.models.voices import Voice

__all__ = [
    "SECTION_CHOICES",
    "Action",
    "ChangeLogEntry",
    "CoalitionLogo",
    "Goal",
    "OwnStatement",
    "SectionWork",
    "StatementChoice",
    "Vision",
    "VisionLocked",
    "VisionPart",
    "Voice",
    "locked_status",
]
