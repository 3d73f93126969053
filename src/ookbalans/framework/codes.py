"""The OOK in Balans framework's classifications: stable codes with their Dutch labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

# Codes are stable identifiers: exported data and saved visions refer to them.
# Never rename or renumber a code in data/classifications.json; add new ones instead.


@dataclass(frozen=True)
class Term:
    """One code of a classification, with the Dutch label users see."""

    code: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Taxonomy:
    """A classification of the framework (FRAMEWORK.md sections 1-9)."""

    code: str
    label: str
    description: str
    terms: tuple[Term, ...]

    def codes(self) -> list[str]:
        return [term.code for term in self.terms]

    def label_for(self, code: str) -> str:
        for term in self.terms:
            if term.code == code:
                return term.label
        raise KeyError(code)


def _load_taxonomies() -> dict[str, Taxonomy]:
    """Read the classifications from framework/data/classifications.json, in file order."""
    path = Path(__file__).parent / "data" / "classifications.json"
    raw = json.loads(path.read_text(encoding="utf-8"))["taxonomies"]
    return {
        code: Taxonomy(
            code,
            entry["label"],
            entry["description"],
            tuple(Term(term["code"], term["label"], term.get("description", "")) for term in entry["terms"]),
        )
        for code, entry in raw.items()
    }


_TAXONOMIES = _load_taxonomies()
PYRAMID_LEVELS = _TAXONOMIES["pyramid_level"]
PHASES = _TAXONOMIES["phase"]
AIMS = _TAXONOMIES["aim"]
FACTORS = _TAXONOMIES["factor"]
UPBRINGING_COMPONENTS = _TAXONOMIES["upbringing_component"]
TARGET_GROUPS = _TAXONOMIES["target_group"]
DOMAINS = _TAXONOMIES["domain"]
ACCESSIBILITY_CONDITIONS = _TAXONOMIES["accessibility_condition"]
RECOGNITION_LEVELS = _TAXONOMIES["recognition_level"]
VISION_SECTIONS = _TAXONOMIES["vision_section"]

# The target groups that reach fathers and partners: the finder's filter and the analysis' yardstick.
FATHER_AND_PARTNER_GROUPS = ("vaders", "partners")

# Classifications that tag a service; each becomes a many-to-many field on it.
SERVICE_TAXONOMIES = (
    PYRAMID_LEVELS,
    PHASES,
    AIMS,
    FACTORS,
    UPBRINGING_COMPONENTS,
    TARGET_GROUPS,
)

ALL_TAXONOMIES = SERVICE_TAXONOMIES + (
    DOMAINS,
    ACCESSIBILITY_CONDITIONS,
    RECOGNITION_LEVELS,
    VISION_SECTIONS,
)

TAXONOMIES_BY_CODE = {taxonomy.code: taxonomy for taxonomy in ALL_TAXONOMIES}


def choices(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Django field choices for a classification."""
    return [(term.code, term.label) for term in taxonomy.terms]
