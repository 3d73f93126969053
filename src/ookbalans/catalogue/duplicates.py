"""Possible duplicates of a service before saving: same name and organisation, or a near-identical name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

# Names at least this similar (0-100, rapidfuzz's normalised Indel ratio) count as near-identical:
# "Borstvoedingscafe" and "Borstvoedingscafé Zutphen" are, "Borstvoedingscafé" and "Budgetcoach" are not.
NEAR_IDENTICAL = 90


@dataclass(frozen=True)
class Candidate:
    """An existing service of the coalition, as the check needs it."""

    id: object
    name: str
    organisation_id: object
    organisation_name: str


def normalised(name: str) -> str:
    """A name without case, accents, punctuation and repeated spaces: 'Papa-Café ' -> 'papa cafe'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def possible_duplicates(
    name: str, organisation_id, candidates: list[Candidate], exclude_id=None
) -> list[Candidate]:
    """The candidates a new or changed service may duplicate, the closest first.

    Same (normalised) name at the same organisation, or a near-identical name at any organisation of
    the coalition (the caller passes only the coalition's services).
    """
    wanted = normalised(name)
    if not wanted:
        return []
    found = []
    for candidate in candidates:
        if exclude_id is not None and candidate.id == exclude_id:
            continue
        other = normalised(candidate.name)
        same = other == wanted
        if same and candidate.organisation_id == organisation_id:
            found.append((200, candidate))
            continue
        score = 100 if same else fuzz.ratio(wanted, other)
        if score >= NEAR_IDENTICAL:
            found.append((score, candidate))
    found.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [candidate for _, candidate in found]
