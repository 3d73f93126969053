"""What the finder keeps in the cache is forgotten when the catalogue changes what it was made of."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from ookbalans.catalogue.changes import catalogue_changed
from ookbalans.catalogue.models import Language, Service
from ookbalans.finder import finding


@receiver(m2m_changed, sender=Service.languages.through, dispatch_uid="finder_languages_changed")
def languages_of_a_service_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        finding.forget_offered_languages()


@receiver(post_save, sender=Language, dispatch_uid="finder_language_saved")
@receiver(post_delete, sender=Language, dispatch_uid="finder_language_deleted")
@receiver(post_delete, sender=Service, dispatch_uid="finder_service_deleted")
def language_or_service_gone(sender, **kwargs):
    finding.forget_offered_languages()


@receiver(catalogue_changed, dispatch_uid="finder_bulk_changes")
def written_in_bulk(sender, **kwargs):
    """An import (or the management API) wrote services and their languages in bulk."""
    finding.forget_offered_languages()
