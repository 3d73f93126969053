"""The coordinators' admin of their coalition's feeds: the last pull, its problems, and changes to review."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import permissions
from ookbalans.catalogue.admin import CoalitionScopedMixin
from ookbalans.feeds import pulling
from ookbalans.feeds.models import Feed
from ookbalans.interchange.views import counted

COORDINATORS = (permissions.Role.COORDINATOR,)


def shown_changes(summary: dict, *, pending: bool) -> str:
    """What a pull changed, or would change, as the import page shows it: counts, then old → new per field."""
    return render_to_string(
        "feeds/changes.html",
        {
            "summary": summary,
            "pending": pending,
            "created": counted(summary.get("created", {})),
            "updated": counted(summary.get("updated", {})),
        },
    )


# The submit buttons of the change page that decide on the waiting changes.
REVIEW_BUTTONS = ("_approve_pending", "_reject_pending")


@admin.register(Feed)
class FeedAdmin(CoalitionScopedMixin, admin.ModelAdmin):
    """Only a coalition's coordinators see and keep its feeds: a feed can publish without review."""

    edit_roles = COORDINATORS
    change_form_template = "feeds/admin/feed_change_form.html"
    list_display = ("name", "coalition", "mode", "active", "last_success_at", "state")
    list_filter = ("active", "mode")
    search_fields = ("name", "url")
    actions = ("pull_now", "approve_pending", "reject_pending")
    # An address typed without a scheme is taken to be https://.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("coalition", "name", "url", "mode", "active", "source")}),
        (
            _("Last pull"),
            {"fields": ("last_pull_at", "last_success_at", "problems_shown", "changes_shown")},
        ),
        (_("Changes waiting for review"), {"fields": ("pending_since", "pending_shown")}),
    )
    readonly_fields = (
        "last_pull_at",
        "last_success_at",
        "problems_shown",
        "changes_shown",
        "pending_since",
        "pending_shown",
    )

    def get_queryset(self, request):
        # The waiting document may be large: the list reads only whether there is one.
        queryset = (
            super()
            .get_queryset(request)
            .defer("pending_document")
            .annotate(
                waiting=ExpressionWrapper(Q(pending_document__isnull=False), output_field=BooleanField())
            )
        )
        if request.user.is_superuser:
            return queryset
        return queryset.filter(coalition__in=permissions.coalition_ids_for(request.user, COORDINATORS))

    def has_module_permission(self, request):
        return bool(permissions.coalition_ids_for(request.user, COORDINATORS))

    def has_view_permission(self, request, obj=None):
        allowed = permissions.coalition_ids_for(request.user, COORDINATORS)
        return bool(allowed) if obj is None else obj.coalition_id in allowed

    @admin.display(description=_("state"))
    def state(self, feed: Feed) -> str:
        if feed.waiting:
            return gettext("changes wait for review")
        if feed.last_pull_at is None:
            return gettext("not pulled yet")
        if feed.last_problems.get("error_count"):
            return gettext("last pull failed")
        return gettext("up to date")

    @admin.display(description=_("problems of the last pull"))
    def problems_shown(self, feed: Feed):
        problems = feed.last_problems or {}
        lines = [(gettext("error"), text) for text in problems.get("errors", [])]
        lines += [(gettext("note"), text) for text in problems.get("warnings", [])]
        if not lines:
            return gettext("none")
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", lines))

    @admin.display(description=_("changes of the last pull"))
    def changes_shown(self, feed: Feed):
        if feed.last_changes.get("pending"):
            return gettext("The changes wait for review (below).")
        return shown_changes(feed.last_changes, pending=False)

    @admin.display(description=_("what the waiting changes change"))
    def pending_shown(self, feed: Feed):
        if feed.pending_document is None:
            return gettext("none")
        return shown_changes(feed.pending_changes, pending=True)

    def editable(self, request, queryset):
        return queryset.filter(coalition__in=permissions.coalition_ids_for(request.user, COORDINATORS))

    @admin.action(description=_("Pull now (in the background)"))
    def pull_now(self, request, queryset):
        from ookbalans.feeds.tasks import pull_feeds

        feeds = list(self.editable(request, queryset))
        for feed in feeds:
            pull_feeds.enqueue(feed_id=str(feed.pk))
        self.message_user(
            request,
            gettext("%(count)d feed(s) will be pulled by the background worker; look again in a minute.")
            % {"count": len(feeds)},
        )

    @admin.action(description=_("Take over the waiting changes"))
    def approve_pending(self, request, queryset):
        for feed in self.editable(request, queryset).filter(pending_document__isnull=False):
            self.approve(request, feed)

    @admin.action(description=_("Turn down the waiting changes"))
    def reject_pending(self, request, queryset):
        for feed in self.editable(request, queryset).filter(pending_document__isnull=False):
            self.reject(request, feed)

    def approve(self, request, feed: Feed) -> None:
        result = pulling.approve(feed, request.user)
        if result.ok:
            self.message_user(request, gettext("%(feed)s: the changes are published.") % {"feed": feed})
        else:
            self.message_user(
                request,
                gettext("%(feed)s: the changes could not be taken over; see its problems.") % {"feed": feed},
                messages.ERROR,
            )

    def reject(self, request, feed: Feed) -> None:
        pulling.reject(feed)
        self.message_user(
            request,
            gettext("%(feed)s: the changes are turned down; the same changes are not proposed again.")
            % {"feed": feed},
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The review buttons sit on the page that shows the waiting changes, not only in the list.
        context["feed_waiting"] = obj is not None and obj.pending_since is not None
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        decision = next((name for name in REVIEW_BUTTONS if name in request.POST), None)
        if decision is None or obj.pending_since is None:
            return super().response_change(request, obj)
        feed = Feed.objects.get(pk=obj.pk)  # with the waiting document, which the form left out
        if decision == "_approve_pending":
            self.approve(request, feed)
        else:
            self.reject(request, feed)
        return HttpResponseRedirect(request.path)
