"""What happens to a vision: create, walk, the workflow, new versions as copies, and the change log."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ookbalans.framework import codes
from ookbalans.framework.models import Edition, Statement
from ookbalans.vision.models import (
    ChangeLogEntry,
    SectionWork,
    StatementChoice,
    Vision,
    VisionLocked,
)

SECTION_CODES = [term.code for term in codes.VISION_SECTIONS.terms]

# Allowed moves in the workflow; adopted has none, it is final.
TRANSITIONS = {
    Vision.Status.CONCEPT: (Vision.Status.DISCUSSION,),
    Vision.Status.DISCUSSION: (Vision.Status.CONCEPT, Vision.Status.ADOPTED),
    Vision.Status.ADOPTED: (),
}


def log(vision: Vision, user, summary: str, details: str = "") -> ChangeLogEntry:
    """Keep who changed what; call inside the transaction that makes the change."""
    return ChangeLogEntry.objects.create(
        vision=vision,
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "systeem",
        summary=summary[:500],
        details=details,
    )


def current_edition() -> Edition:
    return Edition.objects.order_by("-code").first()


def latest_vision(coalition) -> Vision | None:
    return Vision.objects.filter(coalition=coalition).order_by("-version").first()


@transaction.atomic
def create_vision(coalition, user, **values) -> Vision:
    """The coalition's first vision, in concept, on the newest edition of the building blocks."""
    municipalities = values.pop("municipalities", None)
    signatories = values.pop("signatories", None)
    latest = latest_vision(coalition)
    version = latest.version + 1 if latest else 1
    vision = Vision(coalition=coalition, edition=current_edition(), version=version, **values)
    vision.full_clean()
    vision.save()
    vision.municipalities.set(
        municipalities if municipalities is not None else coalition.municipalities.all()
    )
    if signatories is not None:
        vision.signatories.set(signatories)
    log(vision, user, _("Vision created (version %(version)s).") % {"version": vision.version})
    return vision


def can_move(vision: Vision, status: str) -> bool:
    return status in TRANSITIONS[Vision.Status(vision.status)]


@transaction.atomic
def change_status(vision: Vision, user, status: str, adopted_on=None, adopted_by: str = "") -> Vision:
    """Move the vision in the workflow; adopting needs a date and the adopting body and is final."""
    if vision.is_adopted:
        raise VisionLocked()
    if not can_move(vision, status):
        raise ValidationError(_("This step is not possible from the current status."))
    old = vision.get_status_display()
    vision.status = status
    if status == Vision.Status.ADOPTED:
        vision.adopted_on = adopted_on
        vision.adopted_by = adopted_by
    vision.full_clean()
    vision.save()
    summary = _("Status changed from %(old)s to %(new)s.") % {"old": old, "new": vision.get_status_display()}
    if vision.is_adopted:
        summary += " " + _("Adopted on %(date)s by %(body)s.") % {
            "date": adopted_on.strftime("%d-%m-%Y"),
            "body": adopted_by,
        }
    log(vision, user, summary)
    return vision


def copy_part(original, **replacing):
    """A saved copy of a part of a vision: every field as in `original` but those in `replacing`.

    Its many-to-many links are copied too; the key across versions stays, the id and the creation
    time are new.
    """
    model = type(original)
    values = {
        field.attname: getattr(original, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in replacing
    }
    copy = model.objects.create(**values, **replacing)
    for field in model._meta.many_to_many:
        getattr(copy, field.name).set(getattr(original, field.name).all())
    return copy


@transaction.atomic
def start_new_version(vision: Vision, user) -> Vision:
    """A new concept version as a copy of an adopted one: choices, statements, goals, actions, voices."""
    if not vision.is_adopted:
        raise ValidationError(_("A new version can only start from an adopted vision."))
    if Vision.objects.filter(coalition=vision.coalition, version__gt=vision.version).exists():
        raise ValidationError(_("A newer version already exists; continue with that one."))
    new = Vision.objects.create(
        coalition=vision.coalition,
        edition=vision.edition,
        version=vision.version + 1,
        based_on=vision,
        title=vision.title,
        period_start=vision.period_start,
        period_end=vision.period_end,
        introduction=vision.introduction,
    )
    new.municipalities.set(vision.municipalities.all())
    new.signatories.set(vision.signatories.all())
    for part in (*vision.statement_choices.all(), *vision.own_statements.all(), *vision.sections.all()):
        copy_part(part, vision=new)
    for goal in vision.goals.all():
        goal_copy = copy_part(goal, vision=new)
        for action in goal.actions.all():
            copy_part(action, vision=new, goal=goal_copy)
    for voice in vision.voices.all():
        copy_part(voice, vision=new)
    log(
        new,
        user,
        _("Version %(new)s started as a copy of adopted version %(old)s.")
        % {
            "new": new.version,
            "old": vision.version,
        },
    )
    return new


@transaction.atomic
def save_section(
    vision: Vision, user, section: str, decisions: dict, explanation: str, completed: bool
) -> list[str]:
    """Store the choices for a section's building blocks and its explanation; returns what changed.

    `decisions` maps statement id to (choice, wording, reason); an empty choice means not decided yet.
    """
    if vision.is_adopted:
        raise VisionLocked()
    changes = []
    existing = {c.statement_id: c for c in vision.statement_choices.filter(statement__section=section)}
    for statement in Statement.objects.filter(edition=vision.edition, section=section):
        choice, wording, reason = decisions.get(statement.id, ("", "", ""))
        wording = wording if choice == StatementChoice.Choice.ADAPT else ""
        reason = reason if choice == StatementChoice.Choice.LEAVE_OUT else ""
        old = existing.get(statement.id)
        if not choice:
            if old is not None:
                old.delete()
                changes.append(_("Building block %(code)s: choice removed.") % {"code": statement.code})
            continue
        if old is not None and (old.choice, old.wording, old.reason) == (choice, wording, reason):
            continue
        row = old or StatementChoice(vision=vision, statement=statement)
        row.choice, row.wording, row.reason = choice, wording, reason
        row.full_clean()
        row.save()
        label = StatementChoice.Choice(choice).label
        line = _("Building block %(code)s: %(choice)s.") % {"code": statement.code, "choice": label}
        if wording or reason:
            line += f" “{wording or reason}”"
        changes.append(line)
    work, _created = SectionWork.objects.get_or_create(vision=vision, section=section)
    if work.explanation != explanation:
        changes.append(_("Local explanation changed.") + (f" “{explanation}”" if explanation else ""))
    if work.completed != completed:
        changes.append(
            _("Section marked as finished.") if completed else _("Section marked as not finished.")
        )
    if work.explanation != explanation or work.completed != completed:
        work.explanation, work.completed = explanation, completed
        work.save()
    if changes:
        title = codes.VISION_SECTIONS.label_for(section)
        log(vision, user, _("Section “%(section)s” changed.") % {"section": title}, "\n".join(changes))
    return changes


@dataclass(frozen=True)
class SectionProgress:
    """How far the coalition is with one section."""

    code: str
    title: str
    statements: int
    decided: int
    own: int
    completed: bool

    @property
    def percent(self) -> int:
        return round(100 * self.decided / self.statements) if self.statements else 100

    @property
    def state(self) -> str:
        if self.completed:
            return "done"
        return "busy" if self.decided or self.own else "todo"


def progress(vision: Vision) -> list[SectionProgress]:
    """Per section: building blocks decided, own statements, finished or not; in the document's order."""
    totals = {}
    for section in Statement.objects.filter(edition=vision.edition).values_list("section", flat=True):
        totals[section] = totals.get(section, 0) + 1
    decided = {}
    for section in vision.statement_choices.values_list("statement__section", flat=True):
        decided[section] = decided.get(section, 0) + 1
    own = {}
    for section in vision.own_statements.values_list("section", flat=True):
        own[section] = own.get(section, 0) + 1
    completed = set(vision.sections.filter(completed=True).values_list("section", flat=True))
    return [
        SectionProgress(
            code=term.code,
            title=term.label,
            statements=totals.get(term.code, 0),
            decided=decided.get(term.code, 0),
            own=own.get(term.code, 0),
            completed=term.code in completed,
        )
        for term in codes.VISION_SECTIONS.terms
    ]
