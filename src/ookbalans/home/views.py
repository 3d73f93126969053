"""The landing page (what ookbalans is, the way in for coordinators) and the accessibility statement."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition
from ookbalans.middleware import multilingual


@multilingual
def landing(request):
    coalitions = Coalition.objects.prefetch_related("municipalities").order_by("name")
    return render(request, "home/landing.html", {"coalitions": coalitions})


# The statement's two lists (WCAG measures taken, and what is known not to be good yet): kept as data so
# that a new shortcoming is one line here, in every language of the public pages.
ACCESSIBILITY_MEASURES = (
    _("We build the public pages to meet WCAG 2.2 level AA; Dutch law asks for WCAG 2.1 AA (EN 301 549)."),
    _("Every change is tested automatically with axe-core in a real browser, in Dutch and in Arabic."),
    _("The pages work without JavaScript and on a screen of 320 pixels wide."),
    _("The pages are available in Dutch, English, Arabic, Turkish, Polish and Ukrainian."),
)
KNOWN_SHORTCOMINGS = (
    _("Many descriptions of services are only in Dutch, as the organisations wrote them."),
    _("The translations of the pages have not yet been checked by native speakers."),
    _("The pages for coordinators (management, analysis, vision) are not part of this statement."),
)


@multilingual
def accessibility_statement(request):
    context = {"measures": ACCESSIBILITY_MEASURES, "shortcomings": KNOWN_SHORTCOMINGS}
    return render(request, "home/accessibility.html", context)
