"""URLs of interchange: the coordinators' import and export pages."""

from django.urls import include, path

from ookbalans.interchange import views

app_name = "interchange"

# The pages of one coalition, below /uitwisseling/<slug>/: import (the page itself), exports, import jobs.
coalition_patterns = [
    path("", views.coalition_page, name="coalition"),
    path("export/<str:fmt>/", views.export, name="export"),
    path("import/<uuid:job_id>/", views.job_page, name="job"),
    path("import/<uuid:job_id>/importeren/", views.import_checked, name="import_checked"),
]

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", include(coalition_patterns)),
]
