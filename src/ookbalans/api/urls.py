"""URLs of api: the HSDS read API for all coalitions and per coalition, and the management API."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from ookbalans.api import views
from ookbalans.middleware import public_page

app_name = "api"

hsds_patterns = [
    path("openapi.json", public_page(views.OpenApiDocument.as_view()), name="hsds-openapi"),
    path("services", public_page(views.Services.as_view()), name="hsds-services"),
    path("services/<str:id>", public_page(views.ServiceDetail.as_view()), name="hsds-service"),
    path("organizations", public_page(views.Organizations.as_view()), name="hsds-organizations"),
    path("organizations/<str:id>", public_page(views.OrganizationDetail.as_view()), name="hsds-organization"),
    path("taxonomies", public_page(views.Taxonomies.as_view()), name="hsds-taxonomies"),
    path("taxonomies/<str:id>", public_page(views.TaxonomyDetail.as_view()), name="hsds-taxonomy"),
    path("taxonomy_terms", public_page(views.TaxonomyTerms.as_view()), name="hsds-taxonomy-terms"),
    path(
        "taxonomy_terms/<str:id>", public_page(views.TaxonomyTermDetail.as_view()), name="hsds-taxonomy-term"
    ),
    path(
        "service_at_locations",
        public_page(views.ServiceAtLocations.as_view()),
        name="hsds-service-at-locations",
    ),
    path(
        "service_at_locations/<str:id>",
        public_page(views.ServiceAtLocationDetail.as_view()),
        name="hsds-service-at-location",
    ),
]

urlpatterns = [
    path("hsds/", public_page(views.Root.as_view()), name="hsds-root"),
    path("hsds/", include(hsds_patterns)),
    path("hsds/<slug:slug>/", public_page(views.Root.as_view()), name="hsds-root"),
    path("hsds/<slug:slug>/", include(hsds_patterns)),
    path("beheer/openapi.json", SpectacularJSONAPIView.as_view(), name="manage-openapi"),
    path("beheer/services", views.ManagedServices.as_view(), name="manage-services"),
    path("beheer/services/<str:id>", views.ManagedService.as_view(), name="manage-service"),
]
