"""`ookbalans feeds pull [--coalition SLUG] [--in-worker]`: fetch every subscribed feed and import it."""

from django.core.management.base import BaseCommand, CommandError

from ookbalans.catalogue.models import Coalition
from ookbalans.feeds import pulling


class Command(BaseCommand):
    help = (
        "Pull the coalitions' subscribed HSDS feeds: each active feed is fetched (https only) and "
        "imported, directly or as changes waiting for a coordinator, as the feed is set."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        pull = actions.add_parser("pull", help="Fetch and import every active feed.")
        pull.add_argument("--coalition", help="Only this coalition's feeds (its slug).")
        pull.add_argument(
            "--in-worker",
            action="store_true",
            help="Queue the pull for the background worker (`ookbalans db_worker`) and return at once.",
        )

    def handle(self, *args, action=None, coalition=None, in_worker=False, **options):
        if coalition and not Coalition.objects.filter(slug=coalition).exists():
            raise CommandError(f"No coalition '{coalition}'.")
        if in_worker:
            from ookbalans.feeds.tasks import pull_feeds

            pull_feeds.enqueue(coalition_slug=coalition or "")
            self.stdout.write("Queued: the background worker pulls the feeds.")
            return
        # Each pull names its feed as the actor in the audit trail.
        results = pulling.pull_all(coalition)
        if not results:
            self.stdout.write("No active feeds.")
        failed = 0
        for result in results:
            self.stdout.write(f"{result.feed.coalition.slug}/{result.feed.name}: {result.summary()}")
            for problem in result.problems.errors:
                self.stderr.write(f"  error: {problem}")
            for problem in result.problems.warnings[:20]:
                self.stderr.write(f"  warning: {problem}")
            failed += not result.ok
        if failed:
            raise CommandError(f"{failed} feed(s) could not be imported; see the errors above.")
