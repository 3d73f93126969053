"""Demo data hook: index every demo service, and give the demo finder a few searches that found nothing."""

import datetime

from django.utils import timezone

from ookbalans.catalogue.models import Coalition, Service
from ookbalans.search import indexing
from ookbalans.search.models import SearchDocument, UnmetSearch

# Invented, aggregated demand as the finder records it: normalised terms and weekly counts only.
DEMO_UNMET_SEARCHES = [("tweeling", 4, 1), ("miskraam", 3, 2), ("vluchteling zwanger", 5, 1)]


def load_demo() -> dict[str, int]:
    created: dict[str, int] = {}
    missing = Service.objects.exclude(pk__in=SearchDocument.objects.values("service_id")).values_list(
        "pk", flat=True
    )
    if indexed := indexing.index_service_ids(missing):
        created["search documents"] = indexed
    coalition = Coalition.objects.filter(slug="voorbeeldregio", is_demo=True).first()
    if coalition is None or coalition.unmet_searches.exists():
        return created
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    for term, count, weeks_ago in DEMO_UNMET_SEARCHES:
        UnmetSearch.objects.create(
            coalition=coalition, term=term, week=monday - datetime.timedelta(weeks=weeks_ago), count=count
        )
    created["searches without results"] = len(DEMO_UNMET_SEARCHES)
    return created
