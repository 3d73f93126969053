"""URLs of reports: the form on a service of the finder, under the coalition's short name."""

from django.urls import path

from ookbalans.middleware import multilingual
from ookbalans.reports import views

app_name = "reports"
urlpatterns = [
    path(
        "<slug:coalition>/aanbod/<uuid:service_id>/klopt-er-iets-niet/",
        multilingual(views.report),
        name="report",
    ),
    path(
        "<slug:coalition>/aanbod/<uuid:service_id>/klopt-er-iets-niet/bedankt/",
        multilingual(views.thanks),
        name="thanks",
    ),
]
