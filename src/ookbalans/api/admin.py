"""Admin for API tokens: coordinators make and revoke their coalition's tokens; the secret is shown once."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from ookbalans.api.models import ApiToken
from ookbalans.catalogue import permissions
from ookbalans.catalogue.models import Membership


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "coalition", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("coalition", admin.RelatedOnlyFieldListFilter)]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    fields = ["coalition", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def coordinated(self, request):
        return permissions.coalition_ids_for(request.user, [Membership.Role.COORDINATOR])

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("coalition")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(coalition_id__in=self.coordinated(request))

    def has_module_permission(self, request):
        return bool(self.coordinated(request))

    def has_view_permission(self, request, obj=None):
        allowed = self.coordinated(request)
        return bool(allowed) if obj is None else obj.coalition_id in allowed

    def has_add_permission(self, request):
        return bool(self.coordinated(request))

    def has_change_permission(self, request, obj=None):
        # A token is never changed: it is made, and revoked.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "coalition" and not request.user.is_superuser:
            kwargs["queryset"] = permissions.coalitions_for(request.user, [Membership.Role.COORDINATOR])
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        token, secret = ApiToken.issue(obj.coalition, obj.name)
        obj.pk = token.pk
        obj.key_hash, obj.prefix, obj.created_at = token.key_hash, token.prefix, token.created_at
        messages.warning(
            request,
            _(
                "The token for '%(name)s' is: %(secret)s — copy it now; "
                "it is stored hashed and never shown again."
            )
            % {"name": obj.name, "secret": secret},
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.coordinated(request):
            actions.pop("revoke", None)
        return actions

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        count = 0
        for token in queryset.filter(revoked_at__isnull=True, coalition_id__in=self.coordinated(request)):
            token.revoke()  # one by one, so each revocation is in the audit trail
            count += 1
        self.message_user(request, _("%(count)d token(s) revoked.") % {"count": count})
