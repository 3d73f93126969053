"""The Logboek: a read-only audit trail in the admin, each coordinator seeing only their coalitions'."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ookbalans.audit import display
from ookbalans.audit.models import Entry
from ookbalans.catalogue import permissions

READERS = (permissions.Role.COORDINATOR,)


def readable_coalitions(request) -> set:
    return permissions.coalition_ids_for(request.user, READERS)


class ObjectTypeFilter(admin.SimpleListFilter):
    title = _("kind of object")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):
        return display.object_types()

    def queryset(self, request, queryset):
        return queryset.filter(object_type=self.value()) if self.value() else queryset


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "kind", "object_repr", "by", "coalition_name"]
    list_filter = [
        ObjectTypeFilter,
        "action",
        ("actor", admin.RelatedOnlyFieldListFilter),
        "at",
        ("coalition", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["object_repr", "actor_name", "coalition_name"]
    date_hierarchy = "at"
    list_per_page = 50
    fields = ["at", "action", "kind", "object_repr", "by", "coalition_name", "change_table", "import_export"]
    readonly_fields = fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(coalition__in=readable_coalitions(request))

    def get_object(self, request, object_id, from_field=None):
        """Another coalition's entry is refused (403), not passed off as missing."""
        try:
            entry = Entry.objects.filter(pk=int(object_id)).first()
        except (TypeError, ValueError):
            return None
        if entry is not None and not self.has_view_permission(request, entry):
            raise PermissionDenied
        return entry

    def has_module_permission(self, request):
        return request.user.is_superuser or bool(readable_coalitions(request))

    def has_view_permission(self, request, obj=None):
        if request.user.is_superuser:
            return request.user.is_active
        allowed = readable_coalitions(request)
        return bool(allowed) if obj is None else obj.coalition_id in allowed

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("kind of object"))
    def kind(self, entry):
        return display.object_type_name(entry.object_type) if entry.object_type else "—"

    @admin.display(description=_("by"), ordering="actor_name")
    def by(self, entry):
        return entry.actor_name or gettext("the system")

    @admin.display(description=_("changes"))
    def change_table(self, entry):
        rows = display.change_rows(entry)
        if not rows:
            return "—"
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            gettext("field"),
            gettext("before"),
            gettext("after"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description=_("import or export"))
    def import_export(self, entry):
        details = entry.details or {}
        if not details:
            return "—"
        lines = [gettext("Format: %(format)s") % {"format": details.get("format", "")}]
        if details.get("file"):
            lines.append(gettext("File: %(file)s") % {"file": details["file"]})
        for key, label in (("created", gettext("Created")), ("updated", gettext("Changed"))):
            counts = details.get(key) or {}
            if counts:
                lines.append(f"{label}: {display.counted(counts)}")
        return format_html_join("", "<p>{}</p>", ((line,) for line in lines))
