"""What an import kept that the catalogue cannot hold, and the imports that run in the background."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition


class KeptFields(models.Model):
    """HSDS fields of one imported object that have no place in the catalogue, kept verbatim."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="kept_hsds_fields", verbose_name=_("coalition")
    )
    kind = models.CharField(_("kind of object"), max_length=40)
    object_id = models.UUIDField(_("object id"))
    fields = models.JSONField(
        _("fields"),
        default=dict,
        help_text=_("Per field: the value in the file and what ookbalans made of it."),
    )

    class Meta:
        verbose_name = _("kept HSDS fields")
        verbose_name_plural = _("kept HSDS fields")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="interchange_keptfields_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class ImportJob(models.Model):
    """An import too large for one request, run by the background worker (`ookbalans db_worker`), or a
    checked file kept for "import now".

    Holds what the page shows: the status, how far the checks are, and at the end the same report as an
    import in the request (counts, changes and problems). The uploaded file is kept in parts
    (ImportJobPart): of a checked file for OOKBALANS_IMPORT_CHECKED_KEEP_HOURS, of an import until
    `ookbalans forget_import_jobs` deletes old jobs. Nothing about parents: an import file describes the
    offering of a coalition.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        CHECKING = "checking", _("checking")
        WRITING = "writing", _("saving")
        DONE = "done", _("done")
        REFUSED = "refused", _("not imported: the file has problems")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="import_jobs", verbose_name=_("coalition")
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    dry_run = models.BooleanField(_("only check"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    services_total = models.PositiveIntegerField(_("services in the file"), default=0)
    services_checked = models.PositiveIntegerField(_("services checked"), default=0)
    created = models.JSONField(_("added"), default=dict)
    updated = models.JSONField(_("updated"), default=dict)
    changes = models.JSONField(_("changes"), default=dict)
    problems = models.JSONField(_("problems"), default=dict)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.REFUSED, self.Status.FAILED)


class ImportJobPart(models.Model):
    """One megabyte of a job's uploaded file, in the database so that any machine's worker can read it."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="interchange_importjobpart_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id} #{self.number}"
