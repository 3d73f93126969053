"""App configuration of the operations app."""

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "ookbalans.operations"
    verbose_name = "Beheer van de installatie"
