"""The gap-analysis findings a vision's actions can answer, read from the analysis of the coalition."""

from __future__ import annotations

from ookbalans.analysis.running import run_analysis


def current_findings(coalition) -> dict:
    """The findings of today's gap analysis of the coalition, by their stable key."""
    return {finding.key: finding for finding in run_analysis(coalition).findings}


def finding_choices(current: dict, linked: list[dict]) -> list[tuple[str, str]]:
    """Choices for an action: today's findings, plus linked ones the analysis no longer finds."""
    choices = [(key, finding.message) for key, finding in current.items()]
    choices += [(item["key"], item["message"]) for item in linked if item["key"] not in current]
    return choices


def answered_findings(linked: list[dict], current: dict) -> list[dict]:
    """Each linked finding with whether today's analysis still finds it (else it may be resolved)."""
    return [
        {"key": item["key"], "message": item["message"], "open": item["key"] in current} for item in linked
    ]
