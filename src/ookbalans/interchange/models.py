"""What an import kept that the catalogue cannot hold, so that an export gives it back."""

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
