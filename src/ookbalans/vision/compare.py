"""Compare two versions of a vision: a snapshot of each (read from the database), then a pure diff."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ookbalans.framework import codes
from ookbalans.framework.models import Statement
from ookbalans.vision.models import StatementChoice, Vision


def snapshot(vision: Vision) -> dict:
    """Everything that makes up a version, as plain data: the input of `compare`."""
    choices = {c.statement_id: c for c in vision.statement_choices.select_related("statement")}
    statements = {}
    for statement in Statement.objects.filter(edition=vision.edition).select_related("edition"):
        choice = choices.get(statement.id)
        statements[statement.code] = {
            "section": statement.section,
            "number": statement.number,
            "choice": choice.get_choice_display() if choice else _("not decided"),
            "text": choice.text if choice and choice.choice != StatementChoice.Choice.LEAVE_OUT else "",
            "reason": choice.reason if choice else "",
        }
    goals = {}
    for goal in vision.goals.prefetch_related("aims", "pyramid_levels", "phases"):
        goals[str(goal.key)] = {
            "title": goal.title,
            "indicator": goal.indicator,
            "target_value": goal.target_value,
            "target_date": goal.target_date.strftime("%d-%m-%Y"),
            "aims": ", ".join(t.label for t in goal.aims.all()),
            "levels": ", ".join(t.label for t in goal.pyramid_levels.all()),
            "phases": ", ".join(t.label for t in goal.phases.all()),
        }
    actions = {}
    for action in vision.actions.select_related("goal", "organisation").prefetch_related("services"):
        actions[str(action.key)] = {
            "title": action.title,
            "goal": action.goal.title,
            "organisation": action.organisation.name if action.organisation else "",
            "deadline": action.deadline.strftime("%d-%m-%Y"),
            "status": action.get_status_display(),
            "services": ", ".join(sorted(s.name_nl for s in action.services.all())),
            "planned_services": action.planned_services.strip(),
            "gap_findings": "; ".join(item["message"] for item in action.gap_findings),
        }
    return {
        "version": vision.version,
        "details": {
            "title": vision.title,
            "period": f"{vision.period_start}–{vision.period_end}",
            "introduction": vision.introduction,
            "status": vision.get_status_display(),
        },
        "statements": statements,
        "own": {
            term.code: sorted(vision.own_statements.filter(section=term.code).values_list("text", flat=True))
            for term in codes.VISION_SECTIONS.terms
        },
        "explanations": dict(vision.sections.values_list("section", "explanation")),
        "goals": goals,
        "actions": actions,
    }


@dataclass(frozen=True)
class Difference:
    """One line of the comparison: an item in both versions side by side, and whether it changed."""

    area: str
    item: str
    old: str
    new: str

    @property
    def kind(self) -> str:
        if self.old == self.new:
            return "same"
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        return "changed"


def _describe(values: dict, labels: dict) -> str:
    return "\n".join(f"{labels[name]}: {values[name]}" for name in labels if values.get(name))


def compare(old: dict, new: dict) -> list[Difference]:
    """Side-by-side lines for two snapshots; pure, so it is tested without a database."""
    lines = []
    detail_labels = {
        "title": _("title"),
        "period": _("period"),
        "introduction": _("introduction"),
        "status": _("status"),
    }
    for name, label in detail_labels.items():
        lines.append(Difference(_("Details"), label, old["details"][name], new["details"][name]))
    for term in codes.VISION_SECTIONS.terms:
        area = term.label
        codes_in_section = sorted(
            {c for c, s in {**old["statements"], **new["statements"]}.items() if s["section"] == term.code},
            key=lambda c: {**old["statements"], **new["statements"]}[c]["number"],
        )
        for code in codes_in_section:
            before = old["statements"].get(code)
            after = new["statements"].get(code)
            lines.append(
                Difference(
                    area, _("Building block %(code)s") % {"code": code}, _statement(before), _statement(after)
                )
            )
        old_own, new_own = old["own"].get(term.code, []), new["own"].get(term.code, [])
        for text in old_own:
            lines.append(Difference(area, _("Own statement"), text, text if text in new_own else ""))
        for text in new_own:
            if text not in old_own:
                lines.append(Difference(area, _("Own statement"), "", text))
        lines.append(
            Difference(
                area,
                _("Local explanation"),
                old["explanations"].get(term.code, ""),
                new["explanations"].get(term.code, ""),
            )
        )
    goal_labels = {
        "title": _("goal"),
        "indicator": _("indicator"),
        "target_value": _("target value"),
        "target_date": _("target date"),
        "aims": _("aims of the support pyramid"),
        "levels": _("levels"),
        "phases": _("phases"),
    }
    lines += _keyed(_("Goals"), old["goals"], new["goals"], goal_labels)
    action_labels = {
        "title": _("action"),
        "goal": _("goal"),
        "organisation": _("owning organisation"),
        "deadline": _("deadline"),
        "status": _("status"),
        "services": _("existing services"),
        "planned_services": _("planned services"),
        "gap_findings": _("gap findings it answers"),
    }
    lines += _keyed(_("Actions"), old["actions"], new["actions"], action_labels)
    return lines


def _statement(values: dict | None) -> str:
    if values is None:
        return ""
    parts = [values["choice"]]
    if values["text"]:
        parts.append(values["text"])
    if values["reason"]:
        parts.append(_("Reason: %(reason)s") % {"reason": values["reason"]})
    return "\n".join(parts)


def _keyed(area: str, old: dict, new: dict, labels: dict) -> list[Difference]:
    """Goals or actions matched by key; of one in both versions only the fields that differ are shown."""
    lines = []
    for key in list(old) + [k for k in new if k not in old]:
        before, after = old.get(key), new.get(key)
        item = (after or before)["title"]
        if before and after:
            shown = {name: label for name, label in labels.items() if before.get(name) != after.get(name)}
        else:
            shown = labels
        lines.append(
            Difference(
                area,
                item,
                _describe(before, shown) if before else "",
                _describe(after, shown) if after else "",
            )
        )
    return lines
