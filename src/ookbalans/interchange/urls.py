"""URLs of interchange: the coordinators' import and export pages."""

from django.urls import path

from ookbalans.interchange import views

app_name = "interchange"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.coalition_page, name="coalition"),
    path("<slug:slug>/export/<str:fmt>/", views.export, name="export"),
    path("<slug:slug>/import/<uuid:job_id>/", views.job_page, name="job"),
]
