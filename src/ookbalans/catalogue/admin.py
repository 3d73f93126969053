"""The coordinators' admin for the local offering, scoped to the coalitions a user belongs to."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from ookbalans.catalogue import coordinator_home, duplicates, permissions, proposals
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    CostOption,
    Language,
    Location,
    Membership,
    Municipality,
    NationalIntervention,
    Organisation,
    Proposal,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.catalogue.readability import readability
from ookbalans.catalogue.term_choices import with_shared_term_choices
from ookbalans.framework.admin import ReadOnlyAdmin
from ookbalans.framework.models import Term

admin.site.site_header = _("ookbalans — management")
admin.site.site_title = _("ookbalans")
admin.site.index_title = _("Local offering and coalition")
# The start page leads everywhere; without the sidebar the service list and form get the whole width.
admin.site.enable_nav_sidebar = False


def related_id(obj, path: str):
    """The id at the end of a lookup path like `service__coalition`, from the foreign key's own column."""
    *parts, last = path.split("__")
    for part in parts:
        obj = getattr(obj, part)
    if last in ("id", "pk"):
        return obj.pk
    return getattr(obj, f"{last}_id", None)


class CoalitionScopedMixin:
    """Shows and changes only what belongs to the user's coalitions, by their role there.

    `coalition_path` is the lookup from the model to its coalition; `edit_roles` are the roles
    that may add, change and delete. Superusers may do everything everywhere.

    Organisation editors hold no coalition role: they reach only the objects whose
    `organisation_path` leads to their organisation, and none where it is None; they change them
    when `organisation_editors_change` is set (services and locations), else only read them.
    """

    coalition_path = "coalition"
    edit_roles = permissions.EDIT_ROLES
    organisation_path: str | None = None
    organisation_editors_change = True

    def coalition_id_of(self, obj):
        *path, last = self.coalition_path.split("__")
        for part in path:
            obj = getattr(obj, part)
        # The foreign key's own column: no query for the coalition itself.
        return getattr(obj, f"{last}_id", None) or getattr(obj, last).pk

    def organisation_id_of(self, obj):
        return related_id(obj, self.organisation_path) if self.organisation_path else None

    def own_organisations(self, request, *, to_change: bool = False) -> set:
        """The organisations whose objects the user reaches here as organisation editor."""
        if self.organisation_path is None or (to_change and not self.organisation_editors_change):
            return set()
        return permissions.organisation_ids_for(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        allowed = Q(**{f"{self.coalition_path}__in": permissions.coalition_ids_for(request.user)})
        organisations = self.own_organisations(request)
        if organisations:
            allowed |= Q(**{f"{self.organisation_path}__in": organisations})
        return queryset.filter(allowed)

    def has_module_permission(self, request):
        return bool(permissions.coalition_ids_for(request.user) or self.own_organisations(request))

    def has_view_permission(self, request, obj=None):
        allowed = permissions.coalition_ids_for(request.user)
        organisations = self.own_organisations(request)
        if obj is None:
            return bool(allowed or organisations)
        return self.coalition_id_of(obj) in allowed or self.organisation_id_of(obj) in organisations

    def has_change_permission(self, request, obj=None):
        allowed = permissions.coalition_ids_for(request.user, self.edit_roles)
        organisations = self.own_organisations(request, to_change=True)
        if obj is None:
            return bool(allowed or organisations)
        return self.coalition_id_of(obj) in allowed or self.organisation_id_of(obj) in organisations

    def has_add_permission(self, request, obj=None):
        return bool(
            permissions.coalition_ids_for(request.user, self.edit_roles)
            or self.own_organisations(request, to_change=True)
        )

    def has_delete_permission(self, request, obj=None):
        """Coalition roles only: an organisation editor ends a service by changing its status."""
        allowed = permissions.coalition_ids_for(request.user, self.edit_roles)
        if obj is None:
            return bool(allowed)
        return self.coalition_id_of(obj) in allowed

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """Offer only the coalitions, organisations, locations and services the user may edit.

        An organisation editor is offered their own organisation and its locations and services, and
        must choose the organisation: an entry without one would be out of their reach once saved.
        """
        editable = permissions.coalition_ids_for(request.user, self.edit_roles)
        organisations = self.own_organisations(request, to_change=True)
        model = db_field.related_model
        if model in (Coalition, Organisation, Service, Location):
            kwargs["queryset"] = model.objects.filter(self.offered(model, editable, organisations))
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and model is Organisation and organisations and not editable:
            formfield.required = True
        return formfield

    @staticmethod
    def offered(model, editable: set, organisations: set) -> Q:
        """The condition on a foreign key's choices: the editable coalitions', and the own organisations'."""
        in_coalitions = Q(id__in=editable) if model is Coalition else Q(coalition__in=editable)
        if not organisations:
            return in_coalitions
        if model is Coalition:
            return in_coalitions | Q(
                id__in=Organisation.objects.filter(id__in=organisations).values("coalition")
            )
        if model is Organisation:
            return in_coalitions | Q(id__in=organisations)
        if model is Service:
            return in_coalitions | Q(organization__in=organisations)
        # Also the places the organisation's services are already given, such as a town hall the
        # coordinators keep: saving a service must not fail on a location it already had.
        in_use = ServiceAtLocation.objects.filter(service__organization__in=organisations).values("location")
        return in_coalitions | Q(organization__in=organisations) | Q(id__in=in_use)


class CoalitionRecordMixin(CoalitionScopedMixin):
    """A record the system writes (searches without results, reminder mails): read only, and only for
    the coalition's `edit_roles`; whether it may be deleted is the admin's own choice."""

    def has_module_permission(self, request):
        return bool(permissions.coalition_ids_for(request.user, self.edit_roles))

    def has_view_permission(self, request, obj=None):
        allowed = permissions.coalition_ids_for(request.user, self.edit_roles)
        return bool(allowed) if obj is None else obj.coalition_id in allowed

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ScopedInlineMixin(CoalitionScopedMixin):
    """Inlines follow the rights on their parent object, which Django passes as `obj`.

    A tabular inline names its fields only in the column headings; each field gets its name as
    aria-label too, so a screen reader says what the field is (WCAG 4.1.2), the delete box included.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.verbose_name:
            widget = getattr(formfield.widget, "widget", formfield.widget)  # inside the related-field wrapper
            widget.attrs.setdefault("aria-label", capfirst(db_field.verbose_name))
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs.setdefault(
                        "aria-label", str(form.fields["DELETE"].label)
                    )

        LabelledFormSet.__name__ = formset.__name__
        return LabelledFormSet

    def coalition_id_of(self, parent):
        return parent.coalition_id if hasattr(parent, "coalition_id") else parent.service.coalition_id

    def organisation_id_of(self, parent):
        return (
            parent.organization_id if hasattr(parent, "organization_id") else parent.service.organization_id
        )

    # Under review an organisation editor changes the rows too: the service's (or place's) admin turns
    # what the formsets would save into the proposal instead (ProposingAdminMixin).

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Removing a cost option or a location row is part of changing the service.
        return self.has_change_permission(request, obj)


class CostOptionInline(ScopedInlineMixin, admin.TabularInline):
    model = CostOption
    extra = 0
    min_num = 0
    coalition_path = "service__coalition"
    organisation_path = "service__organization"

    def get_extra(self, request, obj=None, **kwargs):
        """One empty row on a new service, so the cost can be given without JavaScript."""
        return 1 if obj is None else 0


class ServiceAtLocationInline(ScopedInlineMixin, admin.TabularInline):
    model = ServiceAtLocation
    extra = 0
    fields = ["location", "description", "opening_hours"]
    readonly_fields = ["opening_hours"]
    coalition_path = "service__coalition"
    organisation_path = "service__organization"
    verbose_name = _("location")
    verbose_name_plural = _("locations and opening hours")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("schedules")

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0

    @admin.display(description=_("opening hours"))
    def opening_hours(self, service_at_location):
        if service_at_location is None or service_at_location._state.adding:
            return gettext("Set after saving.")
        hours = [str(schedule) for schedule in service_at_location.schedules.all()]
        url = reverse("admin:catalogue_serviceatlocation_change", args=[service_at_location.pk])
        return format_html(
            '{}<br><a href="{}">{}</a>',
            "; ".join(hours) or gettext("none yet"),
            url,
            gettext("Change the opening hours"),
        )


class ScheduleInline(ScopedInlineMixin, admin.TabularInline):
    model = Schedule
    extra = 1
    coalition_path = "service_at_location__service__coalition"
    organisation_path = "service_at_location__service__organization"


# The pending proposal an organisation editor goes on from, kept on the object the admin opened.
PENDING_ATTRIBUTE = "_ookbalans_pending"


class ProposingAdminMixin:
    """Under review an organisation editor's save of a service or of one of its places becomes (part of)
    the service's one pending proposal; nothing is saved before a coordinator approves it.

    Subclasses say which service an object belongs to (`service_of`) and what the form and its formsets
    propose (`proposed`: values of the service's fields, and changes of its rows).
    """

    service_path = "pk"  # from the object to its service's id, in a query

    def service_of(self, obj) -> Service:
        raise NotImplementedError

    def proposed(self, form, formsets) -> tuple[dict, dict]:
        raise NotImplementedError

    def under_review(self, request, obj) -> bool:
        return (
            obj is not None
            and obj.pk is not None
            and proposals.needs_review(request.user, self.service_of(obj))
        )

    def get_object(self, request, object_id, from_field=None):
        """The object, with the id of its service's waiting proposal read in the same query."""
        queryset = self.get_queryset(request).annotate(
            waiting_proposal_id=Subquery(
                Proposal.objects.filter(
                    service=OuterRef(self.service_path), status=Proposal.Status.PENDING
                ).values("pk")[:1]
            )
        )
        field = queryset.model._meta.pk if from_field is None else queryset.model._meta.get_field(from_field)
        try:
            obj = queryset.get(**{field.name: field.to_python(object_id)})
        except (queryset.model.DoesNotExist, ValidationError, ValueError):
            return None
        waiting = None
        if obj.waiting_proposal_id is not None:
            waiting = Proposal.objects.select_related("proposed_by").get(pk=obj.waiting_proposal_id)
        obj._ookbalans_waiting = waiting
        if self.under_review(request, obj):
            # The service as it was opened: the form may change a place's service in memory.
            request._ookbalans_service = self.service_of(obj)
            setattr(obj, PENDING_ATTRIBUTE, waiting)
        return obj

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if request.method == "GET" and obj is not None:
            self.say_what_waits(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def say_what_waits(self, request, obj) -> None:
        """Tell the editor their change goes into the waiting proposal; tell a coordinator one waits."""
        waiting = getattr(obj, "_ookbalans_waiting", None)
        if waiting is None:
            return
        date = formats.date_format(timezone.localtime(waiting.proposed_at), "j F Y")
        if self.under_review(request, obj):
            messages.warning(
                request,
                gettext(
                    "Your change of %(date)s still waits for the coordinator: %(changes)s. What you save "
                    "now is added to that same proposal. The fields of the service show your proposal; "
                    "the places, opening hours and costs below show what parents see now."
                )
                % {"date": date, "changes": proposals.summary(waiting)},
            )
        elif self.has_change_permission(request, obj):
            link = format_html(
                '<a href="{}">{}</a>',
                reverse("admin:catalogue_proposal_change", args=[waiting.pk]),
                gettext("Review the proposal"),
            )
            messages.warning(
                request,
                format_html(
                    "{} {}",
                    gettext(
                        "A proposed change by %(editor)s of %(date)s waits for this service. If you change "
                        "the service yourself first, the proposal shows your change as what parents see now."
                    )
                    % {"editor": waiting.proposed_by or "—", "date": date},
                    link,
                ),
            )

    def save_model(self, request, obj, form, change):
        if change and self.under_review(request, obj):
            request._ookbalans_proposed = True  # saved as a proposal in save_related, with the formsets
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change and getattr(request, "_ookbalans_proposed", False):
            # Nothing of a proposed change is saved before approval: it goes into the proposal.
            values, parts = self.proposed(form, formsets)
            service = request._ookbalans_service
            request._ookbalans_proposal = proposals.propose(request.user, service, values, parts)
            return
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and getattr(request, "_ookbalans_proposed", False):
            return []  # nothing saved; the proposal is in the audit trail
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if getattr(request, "_ookbalans_proposed", False):
            return self.proposed_response(request)
        return super().response_change(request, obj)

    def proposed_response(self, request):
        proposal, added_to = getattr(request, "_ookbalans_proposal", (True, False))
        if proposal is None:
            messages.info(request, gettext("You changed nothing, so nothing was sent to the coordinator."))
        elif added_to:
            messages.info(
                request,
                gettext(
                    "Your change was added to your proposal that already waited for the coordinator. "
                    "Parents see it as soon as it is approved; you find it under Proposed changes."
                ),
            )
        else:
            messages.info(
                request,
                gettext(
                    "Your change was sent to the coordinator. Parents see it as soon as it is approved; "
                    "you find it under Proposed changes."
                ),
            )
        return redirect("admin:catalogue_proposal_changelist")


def plain_language_warning(text: str) -> str | None:
    """A Dutch hint for the coordinator when a short description is harder than B1, else None."""
    result = readability(text)
    if not result.harder_than_b1:
        return None
    tips = []
    if result.words_per_sentence > 15:
        tips.append(
            gettext("make the sentences shorter (now %(n)s words on average)")
            % {"n": result.words_per_sentence}
        )
    if result.long_words:
        tips.append(
            gettext("replace long words such as: %(words)s") % {"words": ", ".join(result.long_words[:5])}
        )
    if not tips:
        tips.append(gettext("use shorter sentences and everyday words"))
    return gettext(
        "The short description may be harder than language level B1 (Flesch-Douma reading score "
        "%(score)s; aim for 60 or more). Tip: %(tips)s."
    ) % {"score": result.score, "tips": "; ".join(tips)}


class CheckedFilter(admin.SimpleListFilter):
    """Services whose facts nobody checked in the last year: the start page links here."""

    title = _("facts checked")
    parameter_name = coordinator_home.STALE_PARAMETER

    def lookups(self, request, model_admin):
        return [(coordinator_home.STALE_VALUE, _("more than a year ago, or never"))]

    def queryset(self, request, queryset):
        if self.value() == coordinator_home.STALE_VALUE:
            return queryset.exclude(last_checked_on__gte=coordinator_home.stale_before())
        return queryset


# The languages a service's name and short description may be translated into, besides Dutch.
TRANSLATED_LANGUAGES = ("en", "ar", "tr", "pl", "uk")


def translated(field: str) -> list[str]:
    return [f"{field}_{code}" for code in TRANSLATED_LANGUAGES]


class ServiceForm(forms.ModelForm):
    """The service form, with a warning before a possible duplicate is saved.

    For an organisation editor whose earlier change still waits, the form starts from that proposal
    (its values as initial data), so the next change goes on from it instead of competing with it.
    """

    save_anyway = forms.BooleanField(
        label=_("Save anyway: this is a different service"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        waiting = getattr(self.instance, PENDING_ATTRIBUTE, None)
        if waiting is not None:
            self.initial.update(
                {
                    name: value
                    for name, value in proposals.initial_values(waiting).items()
                    if name in self.fields
                }
            )

    def clean(self):
        data = super().clean()
        name = data.get("name_nl") or ""
        coalition = data.get("coalition")
        if not name or coalition is None or data.get("save_anyway"):
            return data
        candidates = [
            duplicates.Candidate(pk, candidate_name, organisation_id, organisation_name)
            for pk, candidate_name, organisation_id, organisation_name in Service.objects.filter(
                coalition=coalition
            ).values_list("pk", "name_nl", "organization_id", "organization__name")
        ]
        organisation = data.get("organization")
        found = duplicates.possible_duplicates(
            name, organisation.pk if organisation else None, candidates, exclude_id=self.instance.pk
        )
        if found:
            links = format_html_join(
                ", ",
                '<a href="{}">{} ({})</a>',
                (
                    (reverse("admin:catalogue_service_change", args=[c.id]), c.name, c.organisation_name)
                    for c in found[:5]
                ),
            )
            self.add_error(
                "save_anyway",
                format_html(
                    "{} {} {}",
                    gettext("This service may already exist:"),
                    links,
                    gettext("Open it to change it, or tick the box to save this one as a different service."),
                ),
            )
        return data


@admin.register(Service)
class ServiceAdmin(ProposingAdminMixin, CoalitionScopedMixin, TranslationAdmin):
    form = ServiceForm
    organisation_path = "organization"
    list_display = ["name", "organization", "levels", "status", "last_checked_on", "coalition"]
    list_filter = [
        "status",
        CheckedFilter,
        ("pyramid_levels", admin.RelatedOnlyFieldListFilter),
        ("phases", admin.RelatedOnlyFieldListFilter),
        ("organization", admin.RelatedOnlyFieldListFilter),
        ("coalition", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "short_description", "description", "organization__name"]
    inlines = [CostOptionInline, ServiceAtLocationInline]
    readonly_fields = ["plain_language_check", "evidence"]
    autocomplete_fields = ["languages"]
    list_select_related = ["organization", "coalition"]
    # The essentials first and open; the rest folded away in sections a coordinator opens when needed
    # (Django renders collapsed sections as <details>, so they open without JavaScript). The cost
    # options follow the essentials (admin/catalogue/service/change_form.html).
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "save_anyway",
                    "coalition",
                    "organization",
                    "name_nl",
                    "short_description_nl",
                    "plain_language_check",
                    "pyramid_levels",
                    "phases",
                    "aims",
                    "target_groups",
                    "access",
                ]
            },
        ),
        (
            _("More about the service"),
            {
                "classes": ["collapse"],
                "fields": [
                    "description",
                    "factors",
                    "upbringing_components",
                    "status",
                    "national_intervention",
                    "evidence",
                ],
            },
        ),
        (
            _("Accessibility"),
            {
                "classes": ["collapse"],
                "fields": [
                    "home_visits",
                    "online",
                    "online_url",
                    "languages",
                    "culture_sensitive",
                    "culture_sensitive_explanation",
                    "waiting_time_weeks",
                    "frequency",
                ],
            },
        ),
        (_("Contact"), {"classes": ["collapse"], "fields": ["url", "email", "phone"]}),
        (_("Checked"), {"classes": ["collapse"], "fields": ["last_checked_on", "last_checked_by"]}),
        (
            _("Translations"),
            {
                "classes": ["collapse"],
                "description": _(
                    "The name and short description in the other languages of the finder. "
                    "Parents see the Dutch text where a translation is missing."
                ),
                "fields": translated("name") + translated("short_description"),
            },
        ),
    ]

    def get_list_display(self, request):
        """The coalition column only for those who work in more than one coalition."""
        columns = list(super().get_list_display(request))
        if len(permissions.coalition_ids_for(request.user)) <= 1:
            columns.remove("coalition")
        return columns

    def get_changeform_initial_data(self, request):
        """A coordinator or editor of one coalition finds it already chosen."""
        initial = super().get_changeform_initial_data(request)
        editable = permissions.coalition_ids_for(request.user, self.edit_roles)
        if "coalition" not in initial and len(editable) == 1:
            initial["coalition"] = next(iter(editable))
        return initial

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("pyramid_levels")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = self.translation_formfield(db_field, request, **kwargs)
        original, _separator, language = db_field.name.rpartition("_")
        if formfield is not None and original in ("name", "short_description"):
            if language in TRANSLATED_LANGUAGES:
                formfield.help_text = ""  # said once, at the Dutch field
            elif language == "nl":
                formfield.label = capfirst(Service._meta.get_field(original).verbose_name)
        return formfield

    def translation_formfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("short_description"):
            # Coordinators must see the whole short text they write, not one scrolling line;
            # dir=auto lets Arabic translations run right to left.
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 60, "maxlength": 300, "dir": "auto"})
        elif db_field.name.startswith("name_"):
            kwargs["widget"] = forms.TextInput(attrs={"size": 60, "dir": "auto"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is not Term:
            return super().formfield_for_manytomany(db_field, request, **kwargs)
        kwargs["widget"] = forms.CheckboxSelectMultiple
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return with_shared_term_choices(formfield, db_field, request)

    @admin.display(description=_("levels"))
    def levels(self, obj):
        return ", ".join(level.label for level in obj.pyramid_levels.all())

    @admin.display(description=_("plain language"))
    def plain_language_check(self, obj):
        if obj is None or not obj.short_description:
            return gettext("Checked after saving.")
        warning = plain_language_warning(obj.short_description)
        if warning:
            return format_html('<strong class="ookbalans-warning">{}</strong>', warning)
        return gettext("Readable at level B1 (Flesch-Douma reading score %(score)s).") % {
            "score": readability(obj.short_description).score
        }

    @admin.display(description=_("evidence level"))
    def evidence(self, obj):
        if obj is None:
            return ""
        level = obj.recognition_level
        if not level:
            return gettext("Unknown: no source states the level of this intervention.")
        return dict(NationalIntervention._meta.get_field("recognition_level").choices).get(level) or gettext(
            "Not assessed"
        )

    def service_of(self, obj) -> Service:
        return obj

    def proposed(self, form, formsets) -> tuple[dict, dict]:
        """The service's changed fields, and what its cost and place rows add, change and remove."""
        parts = {}
        for formset in formsets:
            if formset.model in (CostOption, ServiceAtLocation):
                rows = proposals.row_changes(formset)
                if rows:
                    parts[proposals.kind_of(formset.model)] = rows
        return proposals.proposed_values(form), parts

    def save_model(self, request, obj, form, change):
        if change or not proposals.needs_review(request.user, obj):
            super().save_model(request, obj, form, change)
        else:
            # A new service stays hidden from parents until a coordinator approves showing it; its rows
            # are saved with it (parents see none of it before then).
            wanted = obj.status
            obj.status = Service.Status.INACTIVE
            super().save_model(request, obj, form, change)
            request._ookbalans_proposal = (
                proposals.propose(request.user, obj, {"status": wanted})
                if wanted != obj.status
                else (True, False)
            )
            request._ookbalans_proposed = True
        warning = plain_language_warning(obj.short_description)
        if warning:
            messages.warning(request, warning)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_ookbalans_proposed", False):
            return self.proposed_response(request)
        return super().response_add(request, obj, post_url_continue)


def extend_service_admin(*, columns=(), after="last_checked_on", filters=(), related=()) -> None:
    """Add list columns (after the column `after`), filters and select_related paths to the service list:
    called by another app's admin module (reminders), so the catalogue imports none of them."""
    display = [c for c in ServiceAdmin.list_display if c not in columns]
    at = display.index(after) + 1 if after in display else len(display)
    ServiceAdmin.list_display = [*display[:at], *columns, *display[at:]]
    ServiceAdmin.list_filter = [
        *ServiceAdmin.list_filter,
        *(f for f in filters if f not in ServiceAdmin.list_filter),
    ]
    ServiceAdmin.list_select_related = [
        *ServiceAdmin.list_select_related,
        *(r for r in related if r not in ServiceAdmin.list_select_related),
    ]


@admin.register(Organisation)
class OrganisationAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    # Organisation editors read their organisation's details; the coordinators keep them.
    organisation_path = "id"
    organisation_editors_change = False
    list_display = ["name", "domain", "coalition"]
    list_filter = ["domain", ("coalition", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "description"]


@admin.register(Location)
class LocationAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    organisation_path = "organization"

    def has_change_permission(self, request, obj=None):
        # Parents see a location's address; under review an organisation editor cannot change it directly.
        if obj is not None and proposals.changes_wait(request.user, obj.coalition):
            return False
        return super().has_change_permission(request, obj)

    list_display = ["name", "address_1", "house_number", "postal_code", "city", "municipality"]
    list_filter = [
        ("municipality", admin.RelatedOnlyFieldListFilter),
        ("coalition", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "address_1", "postal_code", "city"]
    list_select_related = ["municipality"]
    fields = [
        "coalition",
        "organization",
        "name",
        ("address_1", "house_number"),
        ("postal_code", "city"),
        "municipality",
        ("latitude", "longitude"),
    ]


@admin.register(ServiceAtLocation)
class ServiceAtLocationAdmin(ProposingAdminMixin, CoalitionScopedMixin, TranslationAdmin):
    """A place of a service with its opening hours; under review an editor's change is proposed."""

    service_path = "service"

    coalition_path = "service__coalition"
    organisation_path = "service__organization"
    list_display = ["service", "location"]
    list_select_related = ["service", "location"]
    search_fields = ["service__name", "location__name"]
    inlines = [ScheduleInline]

    def has_module_permission(self, request):
        # Reached from a service's page; it needs no entry of its own on the index.
        return False

    def service_of(self, obj) -> Service:
        return obj.service

    def proposed(self, form, formsets) -> tuple[dict, dict]:
        """The place's own changed fields, and what its opening-hours rows add, change and remove."""
        parts = {}
        own = proposals.own_changes(ServiceAtLocation, form, exclude=("service",))
        if own:
            parts["service_at_locations"] = own
        for formset in formsets:
            rows = proposals.row_changes(formset)
            if rows:
                parts[proposals.kind_of(formset.model)] = rows
        return {}, parts


@admin.register(ContactPoint)
class ContactPointAdmin(CoalitionScopedMixin, TranslationAdmin):
    edit_roles = (permissions.Role.COORDINATOR,)
    list_display = ["phase", "municipality", "name", "organization", "phone", "coalition"]
    list_select_related = ["phase", "municipality", "organization", "coalition"]
    list_filter = [("coalition", admin.RelatedOnlyFieldListFilter)]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Municipality:
            editable = permissions.coalition_ids_for(request.user, self.edit_roles)
            kwargs["queryset"] = Municipality.objects.filter(coalitions__in=editable).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or (
            obj is not None and permissions.has_role(request.user, obj.pk, (permissions.Role.COORDINATOR,))
        )

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Coalition)
class CoalitionAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    coalition_path = "id"
    edit_roles = (permissions.Role.COORDINATOR,)
    list_display = ["name", "slug", "is_demo"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def coalition_id_of(self, obj):
        return obj.pk

    def has_add_permission(self, request, obj=None):
        """Coalitions are added and removed by the national operator (a superuser), not by coordinators."""
        return request.user.is_superuser

    has_delete_permission = has_add_permission


@admin.register(NationalIntervention)
class NationalInterventionAdmin(ReadOnlyAdmin):
    """National reference data: everyone with admin access reads it; only superusers correct it.

    Beside each intervention, how many active services of the user's own coalitions use it: where a
    recognised approach is already offered locally, and where it is not yet.
    """

    listed_for = "staff"
    list_display = ["name", "recognition_level", "owner", "used_locally"]
    list_filter = ["recognition_level"]
    search_fields = ["name", "owner"]

    def get_queryset(self, request):
        own = Q(services__coalition__in=permissions.coalitions_for(request.user))
        in_use = Count("services", filter=own & Q(services__status=Service.Status.ACTIVE))
        return super().get_queryset(request).annotate(used_locally=in_use)

    @admin.display(description=_("active services of your coalitions"), ordering="used_locally")
    def used_locally(self, intervention) -> int:
        return intervention.used_locally

    def may_edit(self, request) -> bool:
        return request.user.is_superuser


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnlyAdmin):
    """Reference data from CBS; searchable for the coalition form, never edited by hand."""

    listed_for = "superusers"
    list_display = ["name", "code", "province"]
    list_filter = ["province"]
    search_fields = ["name", "code"]


@admin.register(Language)
class LanguageAdmin(ReadOnlyAdmin):
    """ISO 639-1 reference data; searchable when choosing a service's languages, never edited."""

    listed_for = "nobody"
    search_fields = ["name", "name_en", "code"]


from ookbalans.catalogue import admin_proposals  # noqa: E402, F401  (registers the review of proposals)
