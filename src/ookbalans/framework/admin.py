"""Read-only admin views of the framework's reference data, for coordinators to look up codes."""

from django.contrib import admin

from ookbalans.framework.models import ContactPrinciple, Statement, Term


class ReadOnlyAdmin(admin.ModelAdmin):
    """Reference data: every staff user reads it; it changes through data files and migrations only."""

    # Who finds it on the admin's index: "staff" (everyone with admin access), "superusers", "nobody"
    # (reached only from other pages), or "" for Django's rule (the user's model permissions).
    listed_for = ""

    def has_module_permission(self, request):
        if self.listed_for == "staff":
            return request.user.is_active and request.user.is_staff
        if self.listed_for in ("superusers", "nobody"):
            return self.listed_for == "superusers" and request.user.is_superuser
        return super().has_module_permission(request)

    def may_edit(self, request) -> bool:
        """Who may add, change and delete here: nobody, unless a subclass says otherwise."""
        return False

    def has_add_permission(self, request):
        return self.may_edit(request)

    def has_change_permission(self, request, obj=None):
        return self.may_edit(request)

    def has_delete_permission(self, request, obj=None):
        return self.may_edit(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff


@admin.register(Term)
class TermAdmin(ReadOnlyAdmin):
    list_display = ["label", "code", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["label", "code"]


@admin.register(Statement)
class StatementAdmin(ReadOnlyAdmin):
    list_display = ["section", "number", "text", "edition"]
    list_filter = ["edition", "section"]
    search_fields = ["text"]


@admin.register(ContactPrinciple)
class ContactPrincipleAdmin(ReadOnlyAdmin):
    list_display = ["number", "text", "edition"]
