"""A vision as a whole: index, create, new version, overview, details, status, history, compare, files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.catalogue.permissions import Role, coalitions_for, has_role
from ookbalans.vision import compare as comparing
from ookbalans.vision import documents, workflow
from ookbalans.vision.forms import StatusForm, VisionForm, describe_changes
from ookbalans.vision.models import Vision
from ookbalans.vision.models.goals import overdue_actions
from ookbalans.vision.views.common import can_edit, coalition_or_404, context, vision_or_404, writable


@login_required
def index(request):
    coalitions = coalitions_for(request.user).prefetch_related("visions")
    return render(request, "vision/index.html", {"coalitions": coalitions})


@login_required
def coalition_page(request, slug):
    coalition = coalition_or_404(request, slug)
    versions = list(coalition.visions.order_by("-version"))
    latest = versions[0] if versions else None
    return render(
        request,
        "vision/coalition.html",
        {
            "coalition": coalition,
            "versions": versions,
            "latest": latest,
            "may_edit": can_edit(request, coalition),
            "may_change_logo": has_role(request.user, coalition.id, (Role.COORDINATOR,)),
        },
    )


@login_required
def create(request, slug):
    coalition = coalition_or_404(request, slug)
    if not can_edit(request, coalition):
        raise PermissionDenied(_("You may read this vision but not change it."))
    if coalition.visions.exists():
        return redirect("vision:coalition", slug=slug)
    vision = Vision(coalition=coalition, edition=workflow.current_edition(), version=1)
    form = VisionForm(request.POST or None, instance=vision, coalition=coalition)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            vision = form.save()
            workflow.log(vision, request.user, _("Vision created (version %(version)s).") % {"version": 1})
        messages.success(request, _("The vision has been created. Walk the nine sections next."))
        return redirect("vision:overview", slug=slug, version=vision.version)
    return render(request, "vision/vision_form.html", {"coalition": coalition, "form": form, "vision": None})


@login_required
@require_POST
def new_version(request, slug, version):
    vision = vision_or_404(request, slug, version)
    if not can_edit(request, vision.coalition):
        raise PermissionDenied(_("You may read this vision but not change it."))
    try:
        new = workflow.start_new_version(vision, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("vision:coalition", slug=slug)
    messages.success(request, _("Version %(version)s has been started as a copy.") % {"version": new.version})
    return redirect("vision:overview", slug=slug, version=new.version)


@login_required
def overview(request, slug, version):
    vision = vision_or_404(request, slug, version)
    overdue = list(vision.actions.filter(overdue_actions()).order_by("deadline"))
    return render(request, "vision/overview.html", context(request, vision, overdue=overdue))


@login_required
def edit_details(request, slug, version):
    vision = vision_or_404(request, slug, version)
    if request.method == "POST":
        writable(request, vision)
    form = VisionForm(request.POST or None, instance=vision, coalition=vision.coalition)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            if form.changed_data:
                workflow.log(vision, request.user, _("Details changed."), describe_changes(form))
        messages.success(request, _("The details have been saved."))
        return redirect("vision:overview", slug=slug, version=version)
    return render(request, "vision/vision_form.html", context(request, vision, form=form))


@login_required
def status(request, slug, version):
    vision = vision_or_404(request, slug, version)
    allowed = workflow.TRANSITIONS[Vision.Status(vision.status)]
    form = StatusForm(request.POST or None, allowed=allowed)
    if request.method == "POST":
        writable(request, vision)
        if form.is_valid():
            try:
                workflow.change_status(
                    vision,
                    request.user,
                    form.cleaned_data["status"],
                    form.cleaned_data.get("adopted_on"),
                    (form.cleaned_data.get("adopted_by") or "").strip(),
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("The status is now: %(status)s.") % {"status": vision.get_status_display()}
                )
                return redirect("vision:overview", slug=slug, version=version)
    return render(request, "vision/status.html", context(request, vision, form=form, allowed=allowed))


@login_required
def history(request, slug, version):
    vision = vision_or_404(request, slug, version)
    return render(request, "vision/history.html", context(request, vision, changes=vision.changes.all()))


@login_required
def compare(request, slug):
    coalition = coalition_or_404(request, slug)
    versions = list(coalition.visions.order_by("version"))
    if len(versions) < 2:
        return render(
            request, "vision/compare.html", {"coalition": coalition, "versions": versions, "lines": None}
        )
    by_number = {v.version: v for v in versions}

    def pick(name, default):
        value = request.GET.get(name, "")
        return by_number.get(int(value)) if value.isdigit() and int(value) in by_number else default

    old = pick("van", versions[-2])
    new = pick("naar", versions[-1])
    lines = comparing.compare(comparing.snapshot(old), comparing.snapshot(new))
    show_all = request.GET.get("alles") == "1"
    return render(
        request,
        "vision/compare.html",
        {
            "coalition": coalition,
            "versions": versions,
            "old": old,
            "new": new,
            "lines": lines if show_all else [line for line in lines if line.kind != "same"],
            "show_all": show_all,
        },
    )


@login_required
def document(request, slug, version, format):
    vision = vision_or_404(request, slug, version)
    if format == "pdf":
        content, content_type = documents.render_pdf(vision), "application/pdf"
    else:
        content = documents.render_docx(vision)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{documents.filename(vision, format)}"'
    return response
