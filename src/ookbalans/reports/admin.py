"""The queue of reports from the public: coordinators see all, organisation editors their own services'."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import permissions
from ookbalans.catalogue.admin import CoalitionScopedMixin
from ookbalans.reports.models import Report


@admin.register(Report)
class ReportAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    """Coordinators and editors see the coalition's queue; coordinators mark reports handled (or delete
    spam). An organisation editor sees and handles the reports on the own organisation's services."""

    list_display = ["created_at", "service_link", "kind", "status", "coalition"]
    list_filter = ["status", "kind"]
    search_fields = ["service__name", "text", "suggestion"]
    list_select_related = ["service", "coalition"]
    date_hierarchy = "created_at"
    actions = ["mark_handled"]
    fields = [
        "coalition",
        "service_link",
        "public_page",
        "kind",
        "text",
        "suggestion",
        "language",
        "created_at",
        "status",
        "note",
        "handled_at",
        "handled_by",
    ]
    # A coordinator changes only the status and the note; what the visitor sent stays as it came.
    readonly_fields = [name for name in fields if name not in ("status", "note")]
    edit_roles = (permissions.Role.COORDINATOR,)
    view_roles = permissions.EDIT_ROLES
    # Organisation editors see and handle the reports on their own organisation's services, no others.
    organisation_path = "service__organization"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        allowed = Q(coalition__in=permissions.coalition_ids_for(request.user, self.view_roles))
        organisations = self.own_organisations(request)
        if organisations:
            allowed |= Q(service__organization__in=organisations)
        return queryset.filter(allowed)

    def has_module_permission(self, request):
        return bool(
            permissions.coalition_ids_for(request.user, self.view_roles) or self.own_organisations(request)
        )

    def has_view_permission(self, request, obj=None):
        allowed = permissions.coalition_ids_for(request.user, self.view_roles)
        organisations = self.own_organisations(request)
        if obj is None:
            return bool(allowed or organisations)
        return obj.coalition_id in allowed or self.organisation_id_of(obj) in organisations

    def has_add_permission(self, request, obj=None):
        return False  # reports come from the public only

    @admin.display(description=_("service"), ordering="service__name")
    def service_link(self, report):
        url = reverse("admin:catalogue_service_change", args=[report.service_id])
        return format_html('<a href="{}">{}</a>', url, report.service.name)

    @admin.display(description=_("page for parents"))
    def public_page(self, report):
        url = reverse("finder:service", args=[report.coalition.slug, report.service_id])
        return format_html('<a href="{}">{}</a>', url, url)

    def save_model(self, request, obj, form, change):
        if obj.status == Report.Status.HANDLED and obj.handled_at is None:
            obj.handled_at, obj.handled_by = timezone.now(), request.user
        elif obj.status == Report.Status.NEW:
            obj.handled_at, obj.handled_by = None, None
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark the selected reports as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        handled = 0
        for report in queryset.filter(status=Report.Status.NEW).select_related("service"):
            if not self.has_change_permission(request, report):
                continue
            report.status = Report.Status.HANDLED
            report.handled_at, report.handled_by = timezone.now(), request.user
            report.save()  # one by one, so each change is in the audit trail
            handled += 1
        self.message_user(
            request,
            gettext("Reports marked as handled: %(count)d.") % {"count": handled},
            messages.SUCCESS,
        )
