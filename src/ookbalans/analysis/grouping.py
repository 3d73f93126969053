"""Similar findings under one heading ("5 cells without services at level Basis"), most serious first."""

from __future__ import annotations

from django.utils.translation import ngettext

from ookbalans.analysis.rules import level_label
from ookbalans.analysis.rules.base import SEVERITY_ORDER
from ookbalans.framework import codes

# Findings of these codes are grouped per level; all others per code.
PER_LEVEL = ("matrix.empty_cell", "matrix.thin_cell", "aims.missing_at_level")


def group_key(row: dict) -> tuple:
    subject = row["subject"]
    return (row["code"], subject.get("level")) if row["code"] in PER_LEVEL else (row["code"],)


def group_title(row: dict, count: int, kind_label: str) -> str:
    """The heading of a group of `count` findings like `row` (a finding row of presentation.finding_row)."""
    code, subject = row["code"], row["subject"]
    level = level_label(subject["level"]) if subject.get("level") else ""
    values = {"count": count, "level": level}
    if code == "matrix.empty_cell":
        return (
            ngettext(
                "%(count)d cell without services at level %(level)s",
                "%(count)d cells without services at level %(level)s",
                count,
            )
            % values
        )
    if code == "matrix.thin_cell":
        return (
            ngettext(
                "%(count)d cell with few services at level %(level)s",
                "%(count)d cells with few services at level %(level)s",
                count,
            )
            % values
        )
    if code == "aims.missing_at_level":
        return (
            ngettext(
                "At level %(level)s, %(count)d aim has no service",
                "At level %(level)s, %(count)d aims have no service",
                count,
            )
            % values
        )
    if code.startswith("access.") and subject.get("condition"):
        condition = codes.ACCESSIBILITY_CONDITIONS.label_for(subject["condition"])
        return ngettext(
            "Accessibility '%(condition)s' below the aim at %(count)d level",
            "Accessibility '%(condition)s' below the aim at %(count)d levels",
            count,
        ) % (values | {"condition": condition.lower()})
    if code.startswith("geo."):
        return (
            ngettext(
                "Postcode areas far from %(level)s in %(count)d municipality",
                "Postcode areas far from %(level)s in %(count)d municipalities",
                count,
            )
            % values
        )
    if code == "factors.uncovered":
        return (
            ngettext("%(count)d factor no service addresses", "%(count)d factors no service addresses", count)
            % values
        )
    if code == "components.uncovered":
        return (
            ngettext(
                "%(count)d part of upbringing no service strengthens",
                "%(count)d parts of upbringing no service strengthens",
                count,
            )
            % values
        )
    return ngettext("%(count)d finding: %(kind)s", "%(count)d findings: %(kind)s", count) % (
        values | {"kind": kind_label}
    )


def grouped(rows: list[dict]) -> list[dict]:
    """Finding rows in groups of similar ones, the most serious group first (a group of one stays one)."""
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(group_key(row), []).append(row)
    result = []
    for members in groups.values():
        first = min(members, key=lambda r: SEVERITY_ORDER[r["severity"]])
        result.append(
            {
                "title": group_title(first, len(members), str(first["kind_label"]))
                if len(members) > 1
                else first["message"],
                "count": len(members),
                "severity": first["severity"],
                "severity_label": first["severity_label"],
                "kind": first["kind"],
                "kind_label": first["kind_label"],
                "findings": members,
            }
        )
    return sorted(result, key=lambda g: SEVERITY_ORDER[g["severity"]])  # stable: rule order within
