"""The demo coalition as the search tests ask for it."""

from ookbalans.catalogue.models import Coalition


def coalition():
    """The demo coalition *Kansrijke Start Voorbeeldregio*."""
    return Coalition.objects.get(slug="voorbeeldregio")
