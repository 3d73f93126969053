"""The vision on the coordinator's start page: overdue actions, and findings no action answers yet."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from ookbalans.analysis.running import run_analyses
from ookbalans.catalogue.coordinator_home import Attention
from ookbalans.catalogue.models import Coalition
from ookbalans.vision.models import Action, Vision
from ookbalans.vision.models.goals import is_overdue

# Both providers read the newest visions and their actions; they are read once per request and kept
# on the user object, which Django makes anew for every request (as catalogue.permissions does).
CACHE_ATTRIBUTE = "_ookbalans_vision_start_page"


def newest_visions_and_actions(user, coalition_ids: set) -> tuple[dict, list]:
    """The newest version of each coalition's vision (by coalition id) and their actions: two queries."""
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is not None and cached[0] == coalition_ids:
        return cached[1], cached[2]
    latest = {}
    for vision in (
        Vision.objects.filter(coalition__in=coalition_ids).select_related("coalition").order_by("version")
    ):
        latest[vision.coalition_id] = vision
    actions = list(
        Action.objects.filter(vision__in=latest.values()).values(
            "vision_id", "deadline", "status", "gap_findings"
        )
    )
    setattr(user, CACHE_ATTRIBUTE, (set(coalition_ids), latest, actions))
    return latest, actions


def overdue(user, coalition_ids: set) -> list[Attention]:
    """Per coalition, the actions of its newest vision that are past their deadline and not done."""
    visions, actions = newest_visions_and_actions(user, coalition_ids)
    counts: dict = {}
    for action in actions:
        if is_overdue(action["deadline"], action["status"]):
            counts[action["vision_id"]] = counts.get(action["vision_id"], 0) + 1
    items = []
    for vision in sorted(visions.values(), key=lambda v: v.coalition.name):
        count = counts.get(vision.id, 0)
        if count:
            text = ngettext(
                "%(count)s action of the vision is past its deadline",
                "%(count)s actions of the vision are past their deadline",
                count,
            ) % {"count": count}
            url = reverse("vision:goals", args=[vision.coalition.slug, vision.version])
            items.append(Attention(text=text, url=url, count=count, coalition=vision.coalition.name))
    return items


def unanswered_findings(user, coalition_ids: set) -> list[Attention]:
    """Per coalition, today's gap-analysis findings that no action of its newest vision answers."""
    coalitions = list(Coalition.objects.filter(id__in=coalition_ids).order_by("name"))
    analyses = run_analyses(coalitions)
    visions, actions = newest_visions_and_actions(user, coalition_ids)
    answered: dict = {}
    for action in actions:
        answered.setdefault(action["vision_id"], set()).update(
            item["key"] for item in action["gap_findings"] or []
        )
    items = []
    for coalition in coalitions:
        vision = visions.get(coalition.id)
        keys = answered.get(vision.id, set()) if vision else set()
        open_count = sum(1 for finding in analyses[coalition.id].findings if finding.key not in keys)
        if open_count:
            text = ngettext(
                "%(count)s finding of the gap analysis is not yet answered by an action",
                "%(count)s findings of the gap analysis are not yet answered by an action",
                open_count,
            ) % {"count": open_count}
            url = reverse("analysis:dashboard", args=[coalition.slug])
            items.append(Attention(text=text, url=url, count=open_count, coalition=coalition.name))
    return items
