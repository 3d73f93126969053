"""App configuration of the operations app."""

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "ookbalans.operations"
    verbose_name = "Beheer van de installatie"

    def ready(self):
        from ookbalans.operations import pagecache

        pagecache.connect()
