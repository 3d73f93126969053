"""Admin for the analysis: coordinators set their coalition's thresholds; superusers manage regions."""

from django.contrib import admin

from ookbalans.analysis.models import AnalysisSettings, Region, Snapshot
from ookbalans.catalogue.admin import CoalitionScopedMixin
from ookbalans.catalogue.permissions import Role


@admin.register(AnalysisSettings)
class AnalysisSettingsAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    # Thresholds shape what the coalition reports to the council: the coordinator decides them.
    edit_roles = (Role.COORDINATOR,)
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
