"""The voices of parents and partners: list, add, change, remove."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.vision.forms import VoiceForm
from ookbalans.vision.models import Voice
from ookbalans.vision.views.common import SECTIONS, context, delete_part, edit_part, vision_or_404


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
