"""URLs of finder: every page starts at the coalition's short name (/<slug>/...)."""

from django.urls import path

from ookbalans.finder import views

app_name = "finder"
urlpatterns = [
    path("<slug:coalition>/", views.start, name="start"),
    path("<slug:coalition>/zoeken/", views.results, name="results"),
    path("<slug:coalition>/aanbod/<uuid:service_id>/", views.service_detail, name="service"),
    path("<slug:coalition>/professionals/", views.professionals, name="professionals"),
    path("<slug:coalition>/lijst/", views.parent_list, name="make_list"),
    path("<slug:coalition>/lijst/<str:codes>/", views.parent_list_codes, name="list"),
]
