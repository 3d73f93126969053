"""App configuration of search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "ookbalans.search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.catalogue import demo_hooks
        from ookbalans.search import signals  # noqa: F401 - connects the index to the catalogue
        from ookbalans.search.demo import load_demo

        # First: the analysis' demo reads the searches without results this adds.
        demo_hooks.subscribe(self.name, load_demo, order=10)
