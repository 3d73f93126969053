"""The vision on the coordinator's start page: overdue actions, and findings no action answers yet."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from ookbalans.analysis.running import run_analyses
from ookbalans.catalogue.coordinator_home import Attention
from ookbalans.catalogue.models import Coalition
from ookbalans.vision.models import Action, Vision
from ookbalans.vision.models.goals import overdue_actions


def latest_visions(coalition_ids: set) -> dict:
    """The newest version of each coalition's vision, by coalition id (one query)."""
    latest = {}
    for vision in (
        Vision.objects.filter(coalition__in=coalition_ids).select_related("coalition").order_by("version")
    ):
        latest[vision.coalition_id] = vision
    return latest


def overdue(user, coalition_ids: set) -> list[Attention]:
    """Per coalition, the actions of its newest vision that are past their deadline and not done."""
    visions = latest_visions(coalition_ids)
    counts: dict = {}
    for vision_id in Action.objects.filter(overdue_actions(), vision__in=visions.values()).values_list(
        "vision_id", flat=True
    ):
        counts[vision_id] = counts.get(vision_id, 0) + 1
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
    visions = latest_visions(coalition_ids)
    answered: dict = {}
    for vision_id, linked in Action.objects.filter(vision__in=visions.values()).values_list(
        "vision_id", "gap_findings"
    ):
        answered.setdefault(vision_id, set()).update(item["key"] for item in linked or [])
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
