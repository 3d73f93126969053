"""The landing page: what ookbalans is, and the way in for coordinators."""

from django.shortcuts import render

from ookbalans.catalogue.models import Coalition


def landing(request):
    coalitions = Coalition.objects.prefetch_related("municipalities").order_by("name")
    return render(request, "home/landing.html", {"coalitions": coalitions})
