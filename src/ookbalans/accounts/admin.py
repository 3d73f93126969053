"""Coordinators invite organisation editors by e-mail and remove them; only for their own coalitions."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ookbalans.accounts import invitations
from ookbalans.accounts.models import Invitation, OrganisationEditor
from ookbalans.catalogue import permissions
from ookbalans.catalogue.models import Membership, Organisation

COORDINATORS = (permissions.Role.COORDINATOR,)


def coordinated(request) -> set:
    return permissions.coalition_ids_for(request.user, COORDINATORS)


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "organisation"]

    def clean(self):
        cleaned = super().clean()
        email, organisation = cleaned.get("email"), cleaned.get("organisation")
        if email and organisation:
            taken = Membership.objects.filter(
                user__username__iexact=email, coalition=organisation.coalition_id
            )
            if taken.exists():
                self.add_error("email", _("This address already has a role in the coalition."))
        return cleaned


class CoordinatorsOnly:
    """Coordinators of a coalition (and superusers) see and manage this; nobody else."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(coalition__in=coordinated(request))

    def has_module_permission(self, request):
        return bool(coordinated(request))

    def has_view_permission(self, request, obj=None):
        return bool(coordinated(request)) if obj is None else obj.coalition_id in coordinated(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return bool(coordinated(request))

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)


@admin.register(Invitation)
class InvitationAdmin(CoordinatorsOnly, admin.ModelAdmin):
    form = InvitationForm
    list_display = ["email", "organisation", "created_at", "accepted_at", "invited_by"]
    list_select_related = ["organisation", "invited_by"]
    fields = ["email", "organisation"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Organisation:
            kwargs["queryset"] = Organisation.objects.filter(coalition__in=coordinated(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.coalition_id = obj.organisation.coalition_id
        obj.invited_by = request.user
        super().save_model(request, obj, form, change)
        invitations.send_invitation(request, obj)
        messages.info(request, gettext("The invitation was sent to %(email)s.") % {"email": obj.email})


@admin.register(OrganisationEditor)
class OrganisationEditorAdmin(CoordinatorsOnly, admin.ModelAdmin):
    """The organisation editors of the coordinator's coalitions; removing one ends their access."""

    list_display = ["user", "organisation", "coalition"]
    list_select_related = ["user", "organisation", "coalition"]
    fields = ["user", "organisation", "coalition"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).filter(role=Membership.Role.ORGANISATION_EDITOR)

    def has_add_permission(self, request):
        return False  # through an invitation

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        deactivate_without_role(obj.user)

    def delete_queryset(self, request, queryset):
        users = [membership.user for membership in queryset.select_related("user")]
        super().delete_queryset(request, queryset)
        for user in users:
            deactivate_without_role(user)


def deactivate_without_role(user) -> None:
    """An account left without any role (and not a superuser) can no longer log in."""
    if not user.is_superuser and not user.memberships.exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
