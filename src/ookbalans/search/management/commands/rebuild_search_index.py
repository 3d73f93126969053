"""`ookbalans rebuild_search_index`: index every service of the catalogue again."""

from django.core.management.base import BaseCommand

from ookbalans.search import indexing


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit alle diensten van de catalogus."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{total}")

        count = indexing.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Zoekindex opnieuw opgebouwd: {count} diensten."))
