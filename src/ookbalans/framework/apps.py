"""App configuration of the framework: keeps the term table in step with codes.py after migrate."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    name = "ookbalans.framework"
    verbose_name = _("OOK in Balans framework")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ookbalans.framework.reference import sync_terms_after_migrate

        post_migrate.connect(sync_terms_after_migrate, sender=self)
