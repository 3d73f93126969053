"""The coalition's logo for its vision documents: a coordinator uploads, replaces or removes it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ookbalans.catalogue.permissions import Role, has_role
from ookbalans.vision.logos import MAX_BYTES, checked_logo
from ookbalans.vision.models import CoalitionLogo
from ookbalans.vision.views.common import coalition_or_404


class LogoForm(forms.Form):
    logo = forms.FileField(
        label=gettext_lazy("Logo (PNG or SVG, at most 500 KB)"),
        help_text=gettext_lazy("Shown on the title page of the vision's PDF."),
        widget=forms.FileInput(attrs={"accept": ".png,.svg,image/png,image/svg+xml"}),
    )

    def clean_logo(self):
        upload = self.cleaned_data["logo"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The logo is larger than 500 KB; save it smaller and try again."))
        self.checked = checked_logo(upload.read(MAX_BYTES + 1), upload.name)
        return upload


@login_required
def logo(request, slug):
    coalition = coalition_or_404(request, slug)
    if not has_role(request.user, coalition.id, (Role.COORDINATOR,)):
        raise PermissionDenied(_("Only a coordinator of the coalition changes its logo."))
    current = CoalitionLogo.objects.filter(coalition=coalition).first()
    form = LogoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and "remove" in request.POST:
        CoalitionLogo.objects.filter(coalition=coalition).delete()
        messages.success(request, _("The logo has been removed."))
        return redirect("vision:coalition", slug=slug)
    if request.method == "POST" and form.is_valid():
        media_type, content = form.checked
        CoalitionLogo.objects.update_or_create(
            coalition=coalition,
            defaults={
                "media_type": media_type,
                "content": content,
                "uploaded_by": request.user.get_username(),
            },
        )
        messages.success(request, _("The logo has been saved."))
        return redirect("vision:coalition", slug=slug)
    return render(request, "vision/logo.html", {"coalition": coalition, "form": form, "current": current})
