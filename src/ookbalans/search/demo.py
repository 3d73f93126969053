"""Demo data hook: after the demo catalogue is loaded, make sure every service is in the search index."""

from ookbalans.catalogue.models import Service
from ookbalans.search import indexing
from ookbalans.search.models import SearchDocument


def load_demo() -> dict[str, int]:
    missing = Service.objects.exclude(pk__in=SearchDocument.objects.values("service_id")).values_list(
        "pk", flat=True
    )
    return {"search documents": indexing.index_service_ids(missing)}
