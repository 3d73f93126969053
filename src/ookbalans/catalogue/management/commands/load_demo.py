"""`ookbalans load_demo`: load the demo coalition Kansrijke Start Voorbeeldregio and its coordinator."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from ookbalans.catalogue.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo, remove_demo


class Command(BaseCommand):
    help = "Load the demo coalition 'Kansrijke Start Voorbeeldregio'. A second run changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo coalition first, then load it afresh."
        )

    def handle(self, *args, reset=False, **options):
        if reset and remove_demo():
            self.stdout.write("Removed the demo coalition.")
        report = load_demo()
        created = dict(report.created)
        for module in demo_modules():
            for kind, count in module.load_demo().items():
                created[kind] = created.get(kind, 0) + count
        if created:
            made = ", ".join(
                f"{count} {kind.replace('_', ' ')}(s)" for kind, count in sorted(created.items())
            )
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo coalition: {made}."))
        else:
            self.stdout.write("The demo coalition is already loaded; nothing changed.")
        note = "" if report.user_created else " (unless changed since the first load)"
        self.stdout.write(
            "\nDemo coordinator account for http://127.0.0.1:8000/admin/\n"
            f"  username: {DEMO_USERNAME}\n"
            f"  password: {DEMO_PASSWORD}{note}\n"
        )
        self.stdout.write(two_factor_note())


def two_factor_note() -> str:
    """Whether the demo coordinator needs an authenticator app, and how to change that."""
    if settings.OOKBALANS_REQUIRE_2FA:
        return (
            "Two-step verification: REQUIRED for coordinators (OOKBALANS_REQUIRE_2FA is on); at the first\n"
            "login the demo coordinator links an authenticator app. OOKBALANS_REQUIRE_2FA=0 turns it off.\n"
        )
    return (
        "Two-step verification: OFF for this demo (OOKBALANS_REQUIRE_2FA=0); the password is enough.\n"
        "Production turns it on for coordinators and superusers (the default when DEBUG is off).\n"
    )


def demo_modules():
    """The `demo` modules of the other ookbalans apps, in INSTALLED_APPS order.

    Each has `load_demo() -> dict[str, int]`: what it created for the demo coalition (empty on a
    second run). The catalogue's demo is loaded first, since the others build on it.
    """
    for config in apps.get_app_configs():
        if not config.name.startswith("ookbalans.") or config.name == "ookbalans.catalogue":
            continue
        name = f"{config.name}.demo"
        try:
            yield import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
