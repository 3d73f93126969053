"""The analysis pages: dashboard, drill-down to services, snapshots, regional comparison and reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.analysis import presentation, reports
from ookbalans.analysis.forms import SnapshotForm
from ookbalans.analysis.models import AnalysisSettings, Snapshot
from ookbalans.analysis.permissions import SNAPSHOT_ROLES, coalition_for, region_for, regions_for
from ookbalans.analysis.rules import LEVELS, PHASES
from ookbalans.analysis.running import run_analyses, run_analysis, take_snapshot
from ookbalans.catalogue.permissions import coalitions_for, has_role


@login_required
def index(request):
    return render(
        request,
        "analysis/index.html",
        {"coalitions": coalitions_for(request.user), "regions": regions_for(request.user)},
    )


@login_required
def dashboard(request, slug):
    coalition = coalition_for(request.user, slug)
    analysis = run_analysis(coalition)
    snapshots = list(
        Snapshot.objects.filter(coalition=coalition).only("id", "taken_on", "note", "created_by")
    )
    trend = presentation.trend(coalition, snapshots, analysis, request.GET)
    settings_object = AnalysisSettings.objects.filter(coalition=coalition).first()
    context = presentation.dashboard_context(coalition, analysis) | {
        "pyramid": mark_safe(  # noqa: S308 - built by pyramid_svg, which escapes every text it writes
            presentation.pyramid_for(
                analysis, lambda level, phase: reverse("analysis:cell", args=[slug, level, phase])
            )
        ),
        "snapshots": snapshots,
        "trend": trend,
        "may_snapshot": has_role(request.user, coalition.pk, SNAPSHOT_ROLES),
        "snapshot_form": SnapshotForm(),
        "settings_url": reverse("admin:analysis_analysissettings_change", args=[settings_object.pk])
        if settings_object
        else reverse("admin:analysis_analysissettings_add") + f"?coalition={coalition.pk}",
    }
    return render(request, "analysis/dashboard.html", context)


@login_required
def cell(request, slug, level, phase):
    coalition = coalition_for(request.user, slug)
    if level not in LEVELS or phase not in PHASES:
        raise Http404
    the_cell = run_analysis(coalition).matrix[level][phase]
    return render_detail(request, coalition, "cell", presentation.cell_row(the_cell), the_cell.service_ids)


@login_required
def finding(request, slug, key):
    coalition = coalition_for(request.user, slug)
    found = next((f for f in run_analysis(coalition).findings if f.key == key), None)
    if found is None:
        raise Http404
    row = presentation.finding_row(found) | {"action_url": presentation.action_url(slug, found)}
    return render_detail(request, coalition, "finding", row, found.service_ids)


def render_detail(request, coalition, name: str, row: dict, service_ids):
    """The page of one matrix cell or finding (`name`, also its template) with the services behind it."""
    context = {
        "coalition": coalition,
        name: row,
        "services": presentation.services_by_ids(coalition, service_ids),
    }
    return render(request, f"analysis/{name}.html", context)


@login_required
@require_POST
def snapshot(request, slug):
    coalition = coalition_for(request.user, slug, SNAPSHOT_ROLES)
    form = SnapshotForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["note"]))
        return redirect("analysis:dashboard", slug=slug)
    taken = take_snapshot(coalition, by=request.user.get_username(), note=form.cleaned_data["note"])
    messages.success(
        request,
        _("The analysis of %(date)s is recorded as a snapshot.") % {"date": f"{taken.taken_on:%d-%m-%Y}"},
    )
    return redirect("analysis:dashboard", slug=slug)


@login_required
def report(request, slug, fmt):
    coalition = coalition_for(request.user, slug)
    analysis = run_analysis(coalition)
    content, content_type = reports.build(fmt, coalition, analysis)
    response = HttpResponse(content, content_type=content_type)
    filename = f"gap-analyse-{coalition.slug}-{analysis.date:%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def region(request, slug):
    the_region = region_for(request.user, slug)
    coalitions = list(the_region.coalitions.all())
    analyses = run_analyses(coalitions)
    context = {
        "region": the_region,
        "comparison": presentation.comparison([(c, analyses[c.pk]) for c in coalitions]),
    }
    return render(request, "analysis/region.html", context)
