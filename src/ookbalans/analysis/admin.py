"""Admin for the analysis: coordinators set their coalition's thresholds; superusers manage regions."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ookbalans.analysis.models import AnalysisSettings, Region, Snapshot, default_phases
from ookbalans.analysis.rules import PHASES, phase_label
from ookbalans.catalogue.admin import CoalitionScopedMixin
from ookbalans.catalogue.permissions import Role


class AnalysisSettingsForm(forms.ModelForm):
    """The thresholds, with the phases the coalition works on as tick boxes in the framework's order."""

    phases = forms.MultipleChoiceField(
        label=_("Phases the coalition works on"),
        choices=lambda: [(code, phase_label(code)) for code in PHASES],
        widget=forms.CheckboxSelectMultiple,
        initial=default_phases,  # a new form has no instance values: start from kinderwens to peuter
        help_text=AnalysisSettings._meta.get_field("phases").help_text,
        error_messages={"required": _("Choose at least one phase.")},
    )

    class Meta:
        model = AnalysisSettings
        # The phases first, after the coalition: they decide which findings there are at all.
        fields = [
            "coalition",
            "phases",
            *(f.name for f in AnalysisSettings._meta.fields if f.name not in ("id", "coalition", "phases")),
        ]

    def clean_phases(self):
        chosen = self.cleaned_data["phases"]
        return [code for code in PHASES if code in chosen]


@admin.register(AnalysisSettings)
class AnalysisSettingsAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    # Thresholds shape what the coalition reports to the council: the coordinator decides them.
    edit_roles = (Role.COORDINATOR,)
    form = AnalysisSettingsForm
    list_display = [
        "coalition",
        "thin_cell_below",
        "max_distance_km",
        "min_access_share",
        "stale_after_months",
    ]


@admin.register(Snapshot)
class SnapshotAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    edit_roles = (Role.COORDINATOR,)
    list_display = ["coalition", "taken_on", "created_by", "note"]
    list_filter = ["coalition"]
    readonly_fields = ["coalition", "taken_on", "created_by", "data"]

    def has_add_permission(self, request, obj=None):
        return False  # snapshots are taken by the dashboard's button or `ookbalans snapshot`


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    # Only superusers (Django's model permissions are not handed out for coalition data).
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["coalitions", "members"]
