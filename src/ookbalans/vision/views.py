"""The coordinators' vision pages: thin views over forms and the functions in services.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.catalogue.permissions import EDIT_ROLES, coalitions_for, has_role
from ookbalans.framework import codes
from ookbalans.framework.models import Statement
from ookbalans.vision import compare as comparing
from ookbalans.vision import documents, services
from ookbalans.vision.findings import answered_findings, current_findings
from ookbalans.vision.forms import (
    ActionForm,
    GoalForm,
    OwnStatementForm,
    SectionForm,
    StatusForm,
    VisionForm,
    VoiceForm,
    describe_changes,
)
from ookbalans.vision.models import Action, Goal, OwnStatement, Vision, Voice

SECTIONS = [term.code for term in codes.VISION_SECTIONS.terms]


def coalition_or_404(request, slug):
    """The coalition, when the user holds any role in it; others get a 404, never a hint it exists."""
    return get_object_or_404(coalitions_for(request.user), slug=slug)


def vision_or_404(request, slug, version):
    coalition = coalition_or_404(request, slug)
    return get_object_or_404(
        Vision.objects.select_related("coalition", "edition"), coalition=coalition, version=version
    )


def can_edit(request, coalition) -> bool:
    return has_role(request.user, coalition.id, EDIT_ROLES)


def writable(request, vision: Vision) -> None:
    """Refuse a change by a viewer, or to an adopted version; checked on every request that writes."""
    if not can_edit(request, vision.coalition):
        raise PermissionDenied(_("You may read this vision but not change it."))
    if vision.is_adopted:
        raise PermissionDenied(_("This version has been adopted and can no longer be changed."))


def context(request, vision: Vision, **extra) -> dict:
    return {
        "vision": vision,
        "coalition": vision.coalition,
        "may_edit": can_edit(request, vision.coalition) and not vision.is_adopted,
        "sections": services.progress(vision),
        **extra,
    }


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
        },
    )


@login_required
def create(request, slug):
    coalition = coalition_or_404(request, slug)
    if not can_edit(request, coalition):
        raise PermissionDenied(_("You may read this vision but not change it."))
    if coalition.visions.exists():
        return redirect("vision:coalition", slug=slug)
    vision = Vision(coalition=coalition, edition=services.current_edition(), version=1)
    form = VisionForm(request.POST or None, instance=vision, coalition=coalition)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            vision = form.save()
            services.log(vision, request.user, _("Vision created (version %(version)s).") % {"version": 1})
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
        new = services.start_new_version(vision, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("vision:coalition", slug=slug)
    messages.success(request, _("Version %(version)s has been started as a copy.") % {"version": new.version})
    return redirect("vision:overview", slug=slug, version=new.version)


@login_required
def overview(request, slug, version):
    vision = vision_or_404(request, slug, version)
    return render(request, "vision/overview.html", context(request, vision))


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
                services.log(vision, request.user, _("Details changed."), describe_changes(form))
        messages.success(request, _("The details have been saved."))
        return redirect("vision:overview", slug=slug, version=version)
    return render(request, "vision/vision_form.html", context(request, vision, form=form))


@login_required
def section(request, slug, version, section):
    vision = vision_or_404(request, slug, version)
    if section not in SECTIONS:
        raise Http404
    statements = Statement.objects.filter(edition=vision.edition, section=section).select_related("edition")
    choices = {c.statement_id: c for c in vision.statement_choices.filter(statement__section=section)}
    work = vision.sections.filter(section=section).first()
    initial = {
        "explanation": work.explanation if work else "",
        "completed": work.completed if work else False,
    }
    for statement_id, choice in choices.items():
        initial[f"choice_{statement_id}"] = choice.choice
        initial[f"wording_{statement_id}"] = choice.wording
        initial[f"reason_{statement_id}"] = choice.reason
    if request.method == "POST":
        writable(request, vision)
    form = SectionForm(request.POST or None, initial=initial, statements=statements)
    if request.method == "POST" and form.is_valid():
        services.save_section(
            vision,
            request.user,
            section,
            form.decisions(),
            form.cleaned_data["explanation"].strip(),
            form.cleaned_data["completed"],
        )
        messages.success(request, _("The section has been saved."))
        position = SECTIONS.index(section)
        if "next" in request.POST and position + 1 < len(SECTIONS):
            return redirect("vision:section", slug=slug, version=version, section=SECTIONS[position + 1])
        return redirect("vision:section", slug=slug, version=version, section=section)
    position = SECTIONS.index(section)
    return render(
        request,
        "vision/section.html",
        context(
            request,
            vision,
            form=form,
            section_code=section,
            section_title=codes.VISION_SECTIONS.label_for(section),
            section_number=position + 1,
            previous=SECTIONS[position - 1] if position else None,
            next=SECTIONS[position + 1] if position + 1 < len(SECTIONS) else None,
            own_statements=vision.own_statements.filter(section=section),
            own_form=OwnStatementForm(),
            voices=vision.voices.filter(section=section),
        ),
    )


@login_required
@require_POST
def own_add(request, slug, version, section):
    vision = vision_or_404(request, slug, version)
    if section not in SECTIONS:
        raise Http404
    writable(request, vision)
    form = OwnStatementForm(request.POST, instance=OwnStatement(vision=vision, section=section))
    if form.is_valid():
        with transaction.atomic():
            own = form.save()
            services.log(
                vision,
                request.user,
                _("Own statement added to “%(section)s”.") % {"section": own.get_section_display()},
                own.text,
            )
        messages.success(request, _("Your own statement has been added."))
    else:
        messages.error(request, _("Write the statement before adding it."))
    return redirect(reverse("vision:section", args=[slug, version, section]) + "#eigen")


@login_required
@require_POST
def own_delete(request, slug, version, pk):
    vision = vision_or_404(request, slug, version)
    own = get_object_or_404(OwnStatement, vision=vision, pk=pk)
    writable(request, vision)
    with transaction.atomic():
        own.delete()
        services.log(
            vision,
            request.user,
            _("Own statement removed from “%(section)s”.") % {"section": own.get_section_display()},
            own.text,
        )
    messages.success(request, _("The statement has been removed."))
    return redirect(reverse("vision:section", args=[slug, version, own.section]) + "#eigen")


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


def edit_part(request, vision, form, kind: str, redirect_to: str, template: str):
    """Save a goal, action or voice with a log line in the same transaction, or show the form again."""
    if request.method == "POST":
        writable(request, vision)
        if form.is_valid():
            adding = form.instance._state.adding
            with transaction.atomic():
                obj = form.save()
                if adding:
                    summary = _("%(kind)s added: “%(name)s”.") % {"kind": kind, "name": str(obj)}
                    services.log(vision, request.user, summary)
                elif form.changed_data:
                    summary = _("%(kind)s changed: “%(name)s”.") % {"kind": kind, "name": str(obj)}
                    services.log(vision, request.user, summary, describe_changes(form))
            messages.success(request, _("Saved."))
            return redirect(redirect_to)
    return render(request, template, context(request, vision, form=form, kind=kind))


def delete_part(request, vision, obj, kind: str, redirect_to: str):
    writable(request, vision)
    with transaction.atomic():
        obj.delete()
        services.log(
            vision, request.user, _("%(kind)s removed: “%(name)s”.") % {"kind": kind, "name": str(obj)}
        )
    messages.success(request, _("Removed."))
    return redirect(redirect_to)


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


@login_required
def action_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    action = get_object_or_404(Action, vision=vision, pk=pk) if pk else Action(vision=vision)
    initial = {}
    if pk is None and request.GET.get("doel", "").isdigit():
        initial["goal"] = int(request.GET["doel"])
    form = ActionForm(request.POST or None, instance=action, vision=vision, initial=initial)
    return edit_part(
        request,
        vision,
        form,
        _("Action"),
        reverse("vision:goals", args=[slug, version]),
        "vision/action_form.html",
    )


@login_required
@require_POST
def action_delete(request, slug, version, pk):
    vision = vision_or_404(request, slug, version)
    action = get_object_or_404(Action, vision=vision, pk=pk)
    return delete_part(request, vision, action, _("Action"), reverse("vision:goals", args=[slug, version]))


@login_required
def voices(request, slug, version):
    vision = vision_or_404(request, slug, version)
    return render(request, "vision/voices.html", context(request, vision, voices=vision.voices.all()))


@login_required
def voice_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    voice = get_object_or_404(Voice, vision=vision, pk=pk) if pk else Voice(vision=vision)
    initial = {"section": request.GET["onderdeel"]} if request.GET.get("onderdeel") in SECTIONS else {}
    form = VoiceForm(request.POST or None, instance=voice, initial=initial)
    return edit_part(
        request,
        vision,
        form,
        _("Voice"),
        reverse("vision:voices", args=[slug, version]),
        "vision/voice_form.html",
    )


@login_required
@require_POST
def voice_delete(request, slug, version, pk):
    vision = vision_or_404(request, slug, version)
    voice = get_object_or_404(Voice, vision=vision, pk=pk)
    return delete_part(request, vision, voice, _("Voice"), reverse("vision:voices", args=[slug, version]))


@login_required
def status(request, slug, version):
    vision = vision_or_404(request, slug, version)
    allowed = services.TRANSITIONS[Vision.Status(vision.status)]
    form = StatusForm(request.POST or None, allowed=allowed)
    if request.method == "POST":
        writable(request, vision)
        if form.is_valid():
            try:
                services.change_status(
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
