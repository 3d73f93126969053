"""App configuration of the catalogue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "ookbalans.catalogue"
    verbose_name = _("Local offering")
    default_auto_field = "django.db.models.BigAutoField"
