"""The coordinators' review of proposed changes: old → new per field, approve or send back with a comment."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import permissions, proposals
from ookbalans.catalogue.admin import CoalitionScopedMixin
from ookbalans.catalogue.models import Proposal

APPROVE, SEND_BACK = "approve", "send_back"


class ReviewForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[(APPROVE, _("Approve: publish at once")), (SEND_BACK, _("Send back with a comment"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Proposal
        fields = ["comment"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == SEND_BACK and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what should change, so the organisation editor can correct it."))
        return cleaned


@admin.register(Proposal)
class ProposalAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    """Coordinators decide; organisation editors follow their own proposals (and read the comment)."""

    form = ReviewForm
    edit_roles = (permissions.Role.COORDINATOR,)
    organisation_path = "service__organization"
    organisation_editors_change = False
    list_display = ["service", "status", "proposed_by", "proposed_at", "updated_at", "reviewed_by"]
    list_filter = ["status"]
    list_select_related = ["service", "proposed_by", "reviewed_by"]
    readonly_fields = [
        "service",
        "status",
        "proposed_by",
        "proposed_at",
        "updated_at",
        "changes",
        "reviewed_by",
        "reviewed_at",
    ]

    def get_fields(self, request, obj=None):
        return [
            name for name in self.shown_fields(request, obj) if name != "updated_at" or obj and obj.updated_at
        ]

    def shown_fields(self, request, obj=None):
        if (
            obj is not None
            and obj.status == Proposal.Status.PENDING
            and self.has_change_permission(request, obj)
        ):
            return ["service", "proposed_by", "proposed_at", "updated_at", "changes", "decision", "comment"]
        return [*self.readonly_fields, "comment"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != Proposal.Status.PENDING:
            return [*self.readonly_fields, "comment"]
        return self.readonly_fields

    def has_add_permission(self, request, obj=None):
        return False  # proposals come from the service form

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status != Proposal.Status.PENDING:
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description=_("changes (now → proposed)"))
    def changes(self, obj):
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
            ((change.label, change.old, change.new) for change in proposals.changes(obj)),
        )
        return format_html(
            '<table class="ookbalans-changes"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            gettext("field"),
            gettext("now (parents see this)"),
            gettext("proposed"),
            rows,
        )

    def save_model(self, request, obj, form, change):
        if form.cleaned_data["decision"] == APPROVE:
            try:
                proposals.approve(obj, request.user)
            except proposals.ProposalConflict as conflict:
                messages.error(
                    request,
                    gettext(
                        "The change cannot be applied: %(problem)s "
                        "The offering changed since it was proposed. "
                        "Send it back with a comment, so the organisation editor can propose it again."
                    )
                    % {"problem": conflict},
                )
                request._ookbalans_conflict = True
                return
            messages.success(request, gettext("The change is approved and published."))
        else:
            proposals.send_back(obj, request.user, form.cleaned_data["comment"])
            messages.info(request, gettext("The change is sent back to the organisation editor."))

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_ookbalans_conflict", False):
            return []  # nothing was decided
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if getattr(request, "_ookbalans_conflict", False):
            return redirect("admin:catalogue_proposal_change", obj.pk)  # still waiting; the error says why
        return super().response_change(request, obj)
