"""The catalogue's version per coalition: the public page cache's keys change with it (pagecache.py)."""

from django.db import models

from ookbalans.catalogue.models import Coalition


class CatalogueVersion(models.Model):
    """Set to a new value whenever anything a coalition's public pages show is written (pagecache.py).

    A coalition without a row has version 0 until its first change. Not data of its own: a backup leaves
    it out and a restore gives every coalition a new version.
    """

    coalition = models.OneToOneField(
        Coalition, on_delete=models.CASCADE, primary_key=True, related_name="catalogue_version"
    )
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.coalition_id}: {self.version}"
