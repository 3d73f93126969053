"""The coordinator's start page: how many services are overdue for their check, linked to the list."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from ookbalans.catalogue.coordinator_home import Attention
from ookbalans.catalogue.models import Service
from ookbalans.reminders import schedule

CHECK_PARAMETER, OVERDUE = "controle", "te-laat"  # the admin's CheckFilter


def overdue_services(user, coalition_ids: set) -> list[Attention]:
    count = schedule.overdue_services(Service.objects.all(), coalition_ids).count()
    if not count:
        return []
    text = ngettext(
        "%(count)s service is overdue for its check; parents still see it",
        "%(count)s services are overdue for their check; parents still see them",
        count,
    ) % {"count": count}
    url = reverse("admin:catalogue_service_changelist") + f"?{CHECK_PARAMETER}={OVERDUE}"
    return [Attention(text=text, url=url, count=count)]
