"""URLs of analysis: the dashboard per coalition, drill-downs, snapshots, reports and regional comparison."""

from django.urls import path

from ookbalans.analysis import views

app_name = "analysis"
urlpatterns = [
    path("", views.index, name="index"),
    path("regio/<slug:slug>/", views.region, name="region"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/vak/<str:level>/<str:phase>/", views.cell, name="cell"),
    path("<slug:slug>/bevinding/<str:key>/", views.finding, name="finding"),
    path("<slug:slug>/momentopname/", views.snapshot, name="snapshot"),
    path("<slug:slug>/rapport.<str:fmt>", views.report, name="report"),
]
