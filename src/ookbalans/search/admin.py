"""Coordinators see which searches in their coalition's finder found nothing, counted per week."""

from django.contrib import admin

from ookbalans.catalogue import permissions
from ookbalans.catalogue.admin import CoalitionScopedMixin
from ookbalans.search.models import UnmetSearch


@admin.register(UnmetSearch)
class UnmetSearchAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    """Read only, for coordinators; terms seen fewer than three times a week are never listed."""

    list_display = ["term", "week", "count", "coalition"]
    list_filter = ["week"]
    search_fields = ["term"]
    edit_roles = (permissions.Role.COORDINATOR,)

    def get_queryset(self, request):
        return super().get_queryset(request).shown()

    def has_module_permission(self, request):
        return bool(permissions.coalition_ids_for(request.user, self.edit_roles))

    def has_view_permission(self, request, obj=None):
        allowed = permissions.coalition_ids_for(request.user, self.edit_roles)
        return bool(allowed) if obj is None else obj.coalition_id in allowed

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
