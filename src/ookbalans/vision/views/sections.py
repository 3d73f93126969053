"""The pages of one of the nine sections: building blocks, the explanation and own statements."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.framework import codes
from ookbalans.framework.models import Statement
from ookbalans.vision import workflow
from ookbalans.vision.forms import OwnStatementForm, SectionForm
from ookbalans.vision.models import OwnStatement
from ookbalans.vision.views.common import SECTIONS, context, vision_or_404, writable


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
        workflow.save_section(
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
            log_own_statement(request, vision, own, _("Own statement added to “%(section)s”."))
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
        log_own_statement(request, vision, own, _("Own statement removed from “%(section)s”."))
    messages.success(request, _("The statement has been removed."))
    return redirect(reverse("vision:section", args=[slug, version, own.section]) + "#eigen")


def log_own_statement(request, vision, own: OwnStatement, summary: str) -> None:
    """A log line for an own statement; `summary` names its section as %(section)s."""
    workflow.log(vision, request.user, summary % {"section": own.get_section_display()}, own.text)
