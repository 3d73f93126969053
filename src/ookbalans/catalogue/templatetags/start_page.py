"""Template tags of the admin's start page: what needs attention, the coalitions' pages, and the app order."""

from django import template

from ookbalans.catalogue import coordinator_home, permissions

register = template.Library()

# The coordinator's own work first; installation matters (API tokens, users, the log) last.
FIRST = ("catalogue", "vision", "analysis", "interchange", "search")
LAST = ("audit", "api", "auth", "otp_totp", "otp_static", "axes")


@register.simple_tag(takes_context=True)
def coordinator_start(context) -> dict:
    user = context["request"].user
    return {
        "attention": coordinator_home.attention_for(user),
        "coalitions": list(permissions.coalitions_for(user).only("name", "slug").order_by("name")),
    }


@register.filter
def work_first(app_list: list) -> list:
    """The admin's apps with the coordinator's work first and the installation's last."""

    def rank(app) -> tuple:
        label = app["app_label"]
        if label in FIRST:
            return (0, FIRST.index(label))
        if label in LAST:
            return (2, LAST.index(label))
        return (1, 0)

    return sorted(app_list, key=rank)
