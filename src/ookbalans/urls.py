"""The site's URLs: the landing page, the admin, and each app's pages under its own prefix."""

from django.contrib import admin
from django.urls import include, path

from ookbalans.home import views as home
from ookbalans.operations.views import health_check

urlpatterns = [
    path("", home.landing, name="landing"),
    path("toegankelijkheid/", home.accessibility_statement, name="accessibility"),
    path("gezond/", health_check, name="health"),
    path("admin/", admin.site.urls),
    path("inloggen/", include("ookbalans.accounts.urls")),
    path("analyse/", include("ookbalans.analysis.urls")),
    path("visie/", include("ookbalans.vision.urls")),
    path("api/", include("ookbalans.api.urls")),
    path("uitwisseling/", include("ookbalans.interchange.urls")),
    path("demo-feed/", include("ookbalans.feeds.urls")),
    # A reminder mail's "still correct" link (/herinnering/nog-juist/<token>/: no finder URL has that shape).
    path("", include("ookbalans.reminders.urls")),
    # The public's reports on a finder's service (/<slug>/aanbod/<id>/klopt-er-iets-niet/).
    path("", include("ookbalans.reports.urls")),
    # The finder's public pages come last: they start at the coalition's slug (/<slug>/...).
    path("", include("ookbalans.finder.urls")),
]
