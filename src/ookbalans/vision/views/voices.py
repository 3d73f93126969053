"""The voices of parents and partners: list, add, change, remove."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ookbalans.vision.forms import VoiceForm
from ookbalans.vision.models import Voice
from ookbalans.vision.views.common import (
    SECTIONS,
    context,
    delete_view,
    edit_part,
    part_or_new,
    vision_or_404,
)


@login_required
def voices(request, slug, version):
    vision = vision_or_404(request, slug, version)
    return render(request, "vision/voices.html", context(request, vision, voices=vision.voices.all()))


@login_required
def voice_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    initial = {"section": request.GET["onderdeel"]} if request.GET.get("onderdeel") in SECTIONS else {}
    form = VoiceForm(request.POST or None, instance=part_or_new(vision, Voice, pk), initial=initial)
    return edit_part(request, vision, form, _("Voice"), "vision:voices", "vision/voice_form.html")


voice_delete = delete_view(Voice, gettext_lazy("Voice"), "vision:voices")
