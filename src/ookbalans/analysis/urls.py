"""URLs of analysis: the dashboard per coalition, drill-downs, snapshots, reports and regional comparison."""

from django.urls import include, path

from ookbalans.analysis import views

app_name = "analysis"

# The pages of one coalition's analysis, below /analyse/<slug>/.
coalition_patterns = [
    path("", views.dashboard, name="dashboard"),
    path("vak/<str:level>/<str:phase>/", views.cell, name="cell"),
    path("bevinding/<str:key>/", views.finding, name="finding"),
    path("momentopname/", views.snapshot, name="snapshot"),
    path("rapport.<str:fmt>", views.report, name="report"),
]

urlpatterns = [
    path("", views.index, name="index"),
    path("regio/<slug:slug>/", views.region, name="region"),
    path("<slug:slug>/", include(coalition_patterns)),
]
