"""The demo coalition as the search tests ask for it: the coalition, its search and its services' ids."""

from ookbalans.catalogue.demo import demo_id
from ookbalans.catalogue.models import Coalition, Service
from ookbalans.search.engine import search


def coalition():
    """The demo coalition *Kansrijke Start Voorbeeldregio*."""
    return Coalition.objects.get(slug="voorbeeldregio")


def outcome(query):
    """The finder's search of the demo coalition for a query."""
    demo = coalition()
    return search(query, Service.objects.filter(coalition=demo), coalition=demo)


def top(query, depth=3):
    """The ids of the first `depth` hits."""
    return {pk for pk, _score in outcome(query).ranked[:depth]}


def ids(*keys):
    """The ids of demo services by their keys."""
    return {demo_id("service", key) for key in keys}
