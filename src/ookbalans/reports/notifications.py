"""A mail about a new report from the public: to the organisation's editors, else the coordinators.

The mail names the service, what kind of thing is wrong and where the queue is; it never quotes what
the visitor wrote (that may name people), and nothing is known of the visitor to put in it.
"""

from __future__ import annotations

import logging

from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ookbalans.catalogue.models import Membership
from ookbalans.reports.models import Report

logger = logging.getLogger(__name__)

Role = Membership.Role


def recipients(report: Report) -> list[str]:
    """The addresses of the organisation's editors; the coalition's coordinators when it has none."""
    people = Membership.objects.filter(coalition_id=report.coalition_id, user__is_active=True).exclude(
        user__email=""
    )
    editors = people.filter(role=Role.ORGANISATION_EDITOR, organisation_id=report.service.organization_id)
    chosen = editors if editors.exists() else people.filter(role=Role.COORDINATOR)
    return sorted(set(chosen.values_list("user__email", flat=True)))


def message(report: Report, link: str) -> tuple[str, str]:
    """The Dutch subject and body of the mail (plain text, with the coalition's name)."""
    context = {"report": report, "service": report.service, "coalition": report.coalition, "link": link}
    with translation.override("nl"):
        subject = render_to_string("reports/report_subject.txt", context).strip()
        body = render_to_string("reports/report_mail.txt", context)
    return subject, body


def notify(request, report: Report) -> int:
    """Mail each recipient separately (they do not see each other's address); the number mailed.

    A mail server that fails does not fail the visitor's report: it is in the queue either way.
    """
    addresses = recipients(report)
    if not addresses:
        return 0
    link = request.build_absolute_uri(reverse("admin:reports_report_change", args=[report.pk]))
    subject, body = message(report, link)
    try:
        send_mass_mail([(subject, body, None, [address]) for address in addresses])
    except OSError:  # smtplib's errors are OSErrors
        logger.exception("Could not send the mail about report %s", report.pk)
        return 0
    return len(addresses)
