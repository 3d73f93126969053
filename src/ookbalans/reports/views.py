"""The public's "Klopt er iets niet?" form for a service, and the thanks after it; in six languages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_protect

from ookbalans.catalogue.models import Coalition, Service
from ookbalans.reports import limits, notifications
from ookbalans.reports.forms import ReportForm
from ookbalans.reports.models import Report


def language_query() -> str:
    language = get_language()
    return "" if language == "nl" else "?" + urlencode({"lang": language})


def public_service(coalition_slug: str, service_id) -> tuple[Coalition, Service]:
    coalition = get_object_or_404(Coalition, slug=coalition_slug)
    service = Service.objects.filter(coalition=coalition, pk=service_id, status=Service.Status.ACTIVE).first()
    if service is None:
        raise Http404
    return coalition, service


@csrf_protect
def report(request, coalition: str, service_id):
    coalition, service = public_service(coalition, service_id)
    form = ReportForm(request.POST or None)
    too_many = False
    if request.method == "POST":
        if form.is_trap:
            return redirect(reverse("reports:thanks", args=[coalition.slug, service.pk]) + language_query())
        too_many = not limits.may_report(request)
        if form.is_valid() and not too_many:
            data = form.cleaned_data
            created = Report.objects.create(
                coalition=coalition,
                service=service,
                kind=data["kind"],
                text=data["text"],
                suggestion=data["suggestion"],
                language=get_language(),
            )
            limits.count_report(request)
            notifications.notify(request, created)
            return redirect(reverse("reports:thanks", args=[coalition.slug, service.pk]) + language_query())
    response = render(
        request,
        "reports/report.html",
        {
            "coalition": coalition,
            "service": service,
            "form": form,
            "too_many": too_many,
            "query": language_query(),
        },
        status=429 if too_many else 200,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def thanks(request, coalition: str, service_id):
    coalition, service = public_service(coalition, service_id)
    return render(
        request,
        "reports/thanks.html",
        {"coalition": coalition, "service": service, "query": language_query()},
    )
