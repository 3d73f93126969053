"""The goals page with its actions, and adding, changing and removing a goal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.vision.findings import answered_findings, current_findings
from ookbalans.vision.forms import GoalForm
from ookbalans.vision.models import Goal
from ookbalans.vision.views.common import context, delete_part, edit_part, vision_or_404


@login_required
def goals(request, slug, version):
    vision = vision_or_404(request, slug, version)
    items = list(
        vision.goals.prefetch_related(
            "aims", "pyramid_levels", "phases", "actions__organisation", "actions__services"
        )
    )
    current = current_findings(vision.coalition)
    for goal in items:
        for action in goal.actions.all():
            action.answered = answered_findings(action.gap_findings, current)
    return render(request, "vision/goals.html", context(request, vision, goals=items))


@login_required
def goal_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    goal = get_object_or_404(Goal, vision=vision, pk=pk) if pk else Goal(vision=vision)
    form = GoalForm(request.POST or None, instance=goal)
    return edit_part(
        request,
        vision,
        form,
        _("Goal"),
        reverse("vision:goals", args=[slug, version]),
        "vision/goal_form.html",
    )


@login_required
@require_POST
def goal_delete(request, slug, version, pk):
    vision = vision_or_404(request, slug, version)
    goal = get_object_or_404(Goal, vision=vision, pk=pk)
    return delete_part(request, vision, goal, _("Goal"), reverse("vision:goals", args=[slug, version]))
