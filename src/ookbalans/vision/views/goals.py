"""The goals page with its actions, and adding, changing and removing a goal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ookbalans.vision.findings import answered_findings, current_findings
from ookbalans.vision.forms import GoalForm
from ookbalans.vision.models import Goal
from ookbalans.vision.views.common import context, delete_view, edit_part, part_or_new, vision_or_404


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
    form = GoalForm(request.POST or None, instance=part_or_new(vision, Goal, pk))
    return edit_part(request, vision, form, _("Goal"), "vision:goals", "vision/goal_form.html")


goal_delete = delete_view(Goal, gettext_lazy("Goal"), "vision:goals")
