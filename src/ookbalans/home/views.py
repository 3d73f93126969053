"""The landing page (what ookbalans is, the way in for coordinators) and the accessibility statement."""

from django.shortcuts import render

from ookbalans.catalogue.models import Coalition
from ookbalans.middleware import multilingual


@multilingual
def landing(request):
    coalitions = Coalition.objects.prefetch_related("municipalities").order_by("name")
    return render(request, "home/landing.html", {"coalitions": coalitions})


@multilingual
def accessibility_statement(request):
    return render(request, "home/accessibility.html")
