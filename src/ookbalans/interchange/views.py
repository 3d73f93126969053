"""Coordinators' pages: download the coalition's offering in three formats, and upload a file to import."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ookbalans.audit.recording import record_export
from ookbalans.catalogue import permissions
from ookbalans.interchange import formats, jobs
from ookbalans.interchange.limits import in_megabytes
from ookbalans.interchange.models import ImportJob
from ookbalans.interchange.problems import ImportFailed
from ookbalans.interchange.uploads import REFUSED

FORMAT_LABELS = {
    "xlsx": _("Excel workbook, to edit yourself"),
    "hsds-json": _("HSDS 3.0 JSON, for other systems"),
    "datapackage": _("HSDS datapackage (CSV files in a .zip), for other systems"),
}


KIND_LABELS = {
    "organisations": _("organisations"),
    "locations": _("locations"),
    "services": _("services"),
    "service_at_locations": _("services at a location"),
    "schedules": _("opening hours"),
    "cost_options": _("costs"),
    "contact_points": _("contact points"),
}


def counted(counts: dict) -> list[tuple[str, int]]:
    return [(KIND_LABELS.get(kind, kind), count) for kind, count in counts.items()]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "An Excel workbook (.xlsx) exported from ookbalans, an HSDS JSON file "
            "or an HSDS datapackage (.zip)."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Check first, change nothing yet"),
        required=False,
        initial=True,
        help_text=_(
            "Shows per service what would change, and every problem, without saving anything. "
            "Then one button imports the checked file, without uploading it again."
        ),
    )

    def __init__(self, *args, refused_at: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.refused_at = refused_at

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.OOKBALANS_UPLOAD_MAX_BYTES:
            raise too_large(settings.OOKBALANS_UPLOAD_MAX_BYTES)
        return upload

    def full_clean(self):
        super().full_clean()
        if self.refused_at is not None and self.is_bound:
            # The upload was stopped before its file arrived: say why, not that the file is missing.
            self.errors["file"] = self.error_class([too_large(self.refused_at).message])


def too_large(limit: int) -> forms.ValidationError:
    return forms.ValidationError(
        _(
            "The file is larger than %(size)s and was not read. Split it into smaller files, "
            "or ask the operator to import it from the command line."
        )
        % {"size": in_megabytes(limit)}
    )


def editable_coalition(user, slug):
    coalition = permissions.coalitions_for(user, permissions.EDIT_ROLES).filter(slug=slug).first()
    if coalition is None:
        raise Http404
    return coalition


@login_required
@require_GET
def index(request):
    coalitions = permissions.coalitions_for(request.user, permissions.EDIT_ROLES).order_by("name")
    return render(request, "interchange/index.html", {"coalitions": coalitions})


@login_required
@require_http_methods(["GET", "POST"])
def coalition_page(request, slug):
    coalition = editable_coalition(request.user, slug)
    report = failure = checked = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, refused_at=getattr(request, REFUSED, None))
        if form.is_valid():
            upload = form.cleaned_data["file"]
            services = jobs.services_in_upload(upload, upload.name)
            if jobs.runs_in_background(services):
                job = jobs.start_job(
                    coalition,
                    request.user,
                    upload,
                    upload.name,
                    services=services,
                    dry_run=form.cleaned_data["dry_run"],
                )
                return redirect("interchange:job", slug=coalition.slug, job_id=job.pk)
            try:
                # The upload as a file (on disk above 2.5 MB): the readers stream it, within the limits.
                report = formats.import_file(
                    coalition, upload, upload.name, dry_run=form.cleaned_data["dry_run"]
                )
            except ImportFailed as failed:
                failure = failed.problems
            else:
                if report.dry_run and not report.changes.get("nothing"):
                    checked = jobs.keep_checked(
                        coalition, request.user, upload, upload.name, report, services=services
                    )
    else:
        form = ImportForm()
    problems = report.problems if report else failure
    return render(
        request,
        "interchange/coalition.html",
        {
            "coalition": coalition,
            "form": form,
            "report": report,
            "created": counted(report.created) if report else [],
            "updated": counted(report.updated) if report else [],
            "removed": counted(report.changes.get("removed", {})) if report else [],
            "checked": checked,
            "failure": failure,
            "problems": problems,
            "warnings": problems.warnings if problems else [],
            "formats": FORMAT_LABELS.items(),
            "jobs": coalition.import_jobs.all()[:5],
            "background_from": settings.OOKBALANS_IMPORT_BACKGROUND_FROM,
        },
        status=413 if form.refused_at else 400 if failure else 200,
    )


@login_required
@require_GET
def job_page(request, slug, job_id):
    """An import in the background: its progress while it runs (the page reloads itself), then its report."""
    coalition = editable_coalition(request.user, slug)
    job = get_object_or_404(ImportJob, pk=job_id, coalition=coalition)
    problems = jobs.StoredProblems(job.problems) if job.problems else None
    done = job.status == ImportJob.Status.DONE
    return render(
        request,
        "interchange/job.html",
        {
            "coalition": coalition,
            "job": job,
            "report": job if done else None,
            "created": counted(job.created) if done else [],
            "updated": counted(job.updated) if done else [],
            "removed": counted(job.changes.get("removed", {})) if done else [],
            "checked": job if jobs.importable(job) else None,
            "expired": done
            and job.dry_run
            and not job.changes.get("nothing", True)
            and not jobs.importable(job),
            "failure": problems if job.status == ImportJob.Status.REFUSED else None,
            "problems": problems,
            "warnings": problems.warnings if problems else [],
        },
    )


@login_required
@require_POST
def import_checked(request, slug, job_id):
    """Import a file checked before, from the copy kept of it: no second upload."""
    coalition = editable_coalition(request.user, slug)
    job = get_object_or_404(ImportJob, pk=job_id, coalition=coalition)
    # A second click, or a check whose file is no longer kept: the job's page says what became of it.
    jobs.import_checked(job, request.user)
    return redirect("interchange:job", slug=coalition.slug, job_id=job.pk)


@login_required
@require_GET
def export(request, slug, fmt):
    coalition = editable_coalition(request.user, slug)
    if fmt not in formats.FORMATS:
        raise Http404
    response = HttpResponse(formats.export_bytes(coalition, fmt), content_type=formats.FORMATS[fmt][0])
    record_export(coalition, file_format=fmt)
    response["Content-Disposition"] = f'attachment; filename="{formats.file_name(coalition, fmt)}"'
    return response
