"""URLs of finder: every page starts at the coalition's short name (/<slug>/...), each in six languages."""

from django.urls import path

from ookbalans.finder import guide_views, views
from ookbalans.middleware import multilingual, public_page

app_name = "finder"
urlpatterns = [
    path("<slug:coalition>/", multilingual(public_page(views.start)), name="start"),
    path("<slug:coalition>/zoeken/", multilingual(public_page(views.results)), name="results"),
    path(
        "<slug:coalition>/aanbod/<uuid:service_id>/",
        multilingual(public_page(views.service_detail)),
        name="service",
    ),
    path(
        "<slug:coalition>/professionals/",
        multilingual(public_page(views.professionals)),
        name="professionals",
    ),
    path("<slug:coalition>/lijst/", multilingual(views.parent_list), name="make_list"),
    path(
        "<slug:coalition>/lijst/<str:codes>/", multilingual(public_page(views.parent_list_codes)), name="list"
    ),
    path("<slug:coalition>/1000-dagen/", multilingual(public_page(guide_views.route_page)), name="route"),
    path(
        "<slug:coalition>/1000-dagen/agenda.ics",
        multilingual(public_page(guide_views.route_calendar)),
        name="route_calendar",
    ),
    path(
        "<slug:coalition>/steunwijzer/",
        multilingual(public_page(guide_views.steunwijzer_page)),
        name="steunwijzer",
    ),
]
