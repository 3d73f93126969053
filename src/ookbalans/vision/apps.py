"""App configuration of vision."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisionConfig(AppConfig):
    name = "ookbalans.vision"
    verbose_name = _("Local vision")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.catalogue import demo_hooks
        from ookbalans.vision.demo import load_demo

        # Reads only the catalogue; last, as before the hook existed.
        demo_hooks.subscribe(self.name, load_demo, order=30)
