"""`ookbalans load_demo`: load the demo coalition Kansrijke Start Voorbeeldregio and its coordinator."""

from django.conf import settings
from django.core.management.base import BaseCommand

from ookbalans.catalogue.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo, remove_demo
from ookbalans.catalogue.demo_hooks import load_subscribers


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
        # The other apps subscribe to demo_hooks in their AppConfig.ready(); they build on the catalogue.
        for kind, count in load_subscribers().items():
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
            "\nDemo coordinator account (log in at /admin/ on the address the demo serves):\n"
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
