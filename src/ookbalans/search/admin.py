"""Coordinators see which searches found nothing, and add the local words parents use for a concept."""

from django import forms
from django.contrib import admin

from ookbalans.catalogue import permissions
from ookbalans.catalogue.admin import CoalitionRecordMixin, CoalitionScopedMixin
from ookbalans.search.models import LocalWord, UnmetSearch, concept_choices


class LocalWordForm(forms.ModelForm):
    concept_code = forms.ChoiceField(
        choices=concept_choices, label=LocalWord._meta.get_field("concept_code").verbose_name
    )

    class Meta:
        model = LocalWord
        fields = ["coalition", "concept_code", "word"]


@admin.register(LocalWord)
class LocalWordAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    """A coordinator's words for thesaurus concepts; the search uses them in the coalition only."""

    form = LocalWordForm
    list_display = ["word", "concept_code", "coalition"]
    list_filter = ["concept_code"]
    search_fields = ["word", "concept_code"]
    edit_roles = (permissions.Role.COORDINATOR,)


@admin.register(UnmetSearch)
class UnmetSearchAdmin(CoalitionRecordMixin, admin.ModelAdmin):
    """Read only, for coordinators; terms seen fewer than three times a week are never listed."""

    list_display = ["term", "week", "count", "coalition"]
    list_filter = ["week"]
    search_fields = ["term"]
    edit_roles = (permissions.Role.COORDINATOR,)

    def get_queryset(self, request):
        return super().get_queryset(request).shown()

    def has_delete_permission(self, request, obj=None):
        return False
