"""Admin of reminders: the coalition's rule (coordinators), a service's own interval, the check column and
filter of the service list, and the mails sent (read only)."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import permissions
from ookbalans.catalogue.admin import CoalitionRecordMixin, CoalitionScopedMixin, extend_service_admin
from ookbalans.catalogue.models import Service
from ookbalans.reminders import schedule, start_page
from ookbalans.reminders.models import CheckInterval, ReminderMail, ReminderSettings

CHECK_PARAMETER, OVERDUE = start_page.CHECK_PARAMETER, start_page.OVERDUE
DUE = "te-doen"


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    # How often partners are asked to check is the coordinator's decision.
    edit_roles = (permissions.Role.COORDINATOR,)
    list_display = ["coalition", "check_interval_months", "overdue_after_weeks", "send_reminders"]


@admin.register(ReminderMail)
class ReminderMailAdmin(CoalitionRecordMixin, admin.ModelAdmin):
    """What `ookbalans remind` sent, for coordinators; written by the command only."""

    edit_roles = (permissions.Role.COORDINATOR,)
    list_display = ["sent_on", "email", "due_count", "escalated_count", "coalition"]
    list_filter = ["sent_on"]
    search_fields = ["email"]
    fields = ["coalition", "email", "sent_on", "reminded", "escalated"]
    readonly_fields = fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("reminded", "escalated")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(coalition__in=permissions.coalition_ids_for(request.user, self.edit_roles))

    @admin.display(description=_("services due"))
    def due_count(self, mail):
        return len(mail.reminded.all())

    @admin.display(description=_("services still unchecked"))
    def escalated_count(self, mail):
        return len(mail.escalated.all())


@admin.register(CheckInterval)
class CheckIntervalAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    """Services with their own interval: coalition roles only (organisation editors see the due date in
    the service list's column)."""

    coalition_path = "service__coalition"
    list_display = ["service", "months"]
    list_select_related = ["service"]
    search_fields = ["service__name"]
    autocomplete_fields = ["service"]


class CheckFilter(admin.SimpleListFilter):
    """Services due for their check, or overdue: the start page links to the overdue ones."""

    title = _("check")
    parameter_name = CHECK_PARAMETER

    def lookups(self, request, model_admin):
        return [(DUE, _("due now")), (OVERDUE, _("overdue for the check"))]

    def queryset(self, request, queryset):
        if self.value() not in (DUE, OVERDUE):
            return queryset
        coalition_ids = set(queryset.values_list("coalition", flat=True).distinct())
        select = schedule.overdue_services if self.value() == OVERDUE else schedule.due_services
        return select(queryset, coalition_ids)


@admin.display(description=_("next check"))
def next_check(service) -> str:
    """The service's due date, and whether it is due or late (from the row's related settings, no query)."""
    settings = service.coalition.reminder_settings if _has(service.coalition, "reminder_settings") else None
    own = service.check_interval.months if _has(service, "check_interval") else None
    check = schedule.check_of(service, schedule.rule_of(settings), own, timezone.localdate())
    day = date_format(check.due_on, "j M Y")
    if service.status != Service.Status.ACTIVE:
        return day  # parents do not see it: nobody is reminded
    if check.overdue:
        text = gettext("overdue: due since %(day)s") % {"day": day}
        return format_html('<strong class="ookbalans-warning">{}</strong>', text)
    if check.due:
        return format_html("<strong>{}</strong>", gettext("due since %(day)s") % {"day": day})
    return day


def _has(obj, relation: str) -> bool:
    try:
        getattr(obj, relation)
    except (CheckInterval.DoesNotExist, ReminderSettings.DoesNotExist):
        return False
    return True


extend_service_admin(
    columns=[next_check],
    filters=[CheckFilter],
    related=["check_interval", "coalition__reminder_settings"],
)
