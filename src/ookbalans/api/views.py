"""The HSDS read API (open, read-only, only active services) and the token-protected management API."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ookbalans.api import hsds, openapi
from ookbalans.api.models import ApiToken
from ookbalans.api.schema import HSDS_SERVICE, NOT_FOUND, PROBLEMS, REFUSED
from ookbalans.catalogue.models import Coalition, Organisation, Service, ServiceAtLocation
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.exporting.document import PROFILE_URL
from ookbalans.interchange.importing import import_document
from ookbalans.interchange.problems import ImportFailed


class ReadView(APIView):
    """A GET-only HSDS endpoint, open to all, for every coalition or the one in the URL."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    schema = None  # described by the official HSDS OpenAPI document (openapi.py), not generated
    renderer_classes = [JSONRenderer]
    http_method_names = ["get", "head", "options"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.query_params.lists():
            # PostgreSQL refuses NUL characters in text; such a parameter can only be a mistake.
            if "\x00" in name or any("\x00" in value for value in values):
                raise hsds.BadParameter(f"'{name.replace(chr(0), '')}' holds a NUL character.")

    def coalitions(self):
        slug = self.kwargs.get("slug")
        if slug is None:
            return Coalition.objects.all()
        return Coalition.objects.filter(pk=get_object_or_404(Coalition, slug=slug).pk)

    def services(self):
        return Service.objects.filter(coalition__in=self.coalitions(), status=Service.Status.ACTIVE)

    def base_url(self) -> str:
        slug = self.kwargs.get("slug")
        path = reverse("api:hsds-root", kwargs={"slug": slug}) if slug else reverse("api:hsds-root")
        return self.request.build_absolute_uri(path)

    def handle_exception(self, exc):
        if isinstance(exc, hsds.BadParameter):
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


def object_or_404(queryset, object_id):
    if not hsds.is_uuid(object_id):
        raise Http404
    return get_object_or_404(queryset, id=object_id)


class Root(ReadView):
    def get(self, request, slug=None):
        self.coalitions()
        base = self.base_url()
        return Response(
            {"version": mapping.HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": base + "openapi.json"}
        )


class OpenApiDocument(ReadView):
    def get(self, request, slug=None):
        self.coalitions()
        return Response(openapi.document_for(self.base_url().rstrip("/")))


class Services(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        minimal, full = hsds.flag(params, "minimal"), hsds.flag(params, "full")
        services = hsds.filter_services(self.services(), params).select_related("coalition", "organization")
        if query := params.get("search"):
            # Ranked by relevance through the finder's search, the same as parents get.
            items = hsds.ranked(query, services)
        else:
            items = list(services.order_by("name_nl", "id"))
        contexts = hsds.Contexts()
        if minimal:
            convert = lambda chosen: [mapping.minimal_service(s) for s in chosen]  # noqa: E731
        elif full:
            convert = lambda chosen: hsds.full_services(chosen, contexts)  # noqa: E731
        else:
            convert = lambda chosen: hsds.list_services(chosen, contexts)  # noqa: E731
        return Response(hsds.page_envelope(items, params, convert))


class ServiceDetail(ReadView):
    def get(self, request, id, slug=None):
        return Response(hsds.service_detail(object_or_404(self.services(), id)))


class Organizations(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        full, full_service = hsds.flag(params, "full"), hsds.flag(params, "full_service")
        organisations = Organisation.objects.filter(coalition__in=self.coalitions()).select_related(
            "coalition"
        )
        if search := params.get("search"):
            organisations = organisations.filter(Q(name__icontains=search) | Q(description__icontains=search))
        contexts = hsds.Contexts()
        items = list(organisations.order_by("name", "id"))

        def convert(chosen):
            if full or full_service:
                return [hsds.organisation_full(o, contexts, full_service=full_service) for o in chosen]
            return [hsds.organisation_list(o, contexts) for o in chosen]

        return Response(hsds.page_envelope(items, params, convert))


class OrganizationDetail(ReadView):
    def get(self, request, id, slug=None):
        organisation = object_or_404(Organisation.objects.filter(coalition__in=self.coalitions()), id)
        full_service = hsds.flag(request.query_params, "full_service")
        return Response(hsds.organisation_full(organisation, hsds.Contexts(), full_service=full_service))


class Taxonomies(ReadView):
    def get(self, request, slug=None):
        self.coalitions()
        items = tx.all_taxonomies()
        if search := request.query_params.get("search"):
            items = [t for t in items if search.casefold() in (t["name"] + " " + t["description"]).casefold()]
        return Response(hsds.page_envelope(items, request.query_params, list))


class TaxonomyDetail(ReadView):
    def get(self, request, id, slug=None):
        self.coalitions()
        for item in tx.all_taxonomies():
            if item["id"] == id:
                return Response(item)
        raise Http404


class TaxonomyTerms(ReadView):
    def get(self, request, slug=None):
        self.coalitions()
        params = request.query_params
        items = tx.all_terms()
        hsds.flag(params, "top_only")  # every ookbalans term is a top term: the taxonomies are flat
        if value := params.get("taxonomy_id"):
            items = [t for t in items if value in (t["taxonomy_id"], t["taxonomy_detail"]["uri"])]
        if params.get("parent_id"):
            items = []
        if search := params.get("search"):
            items = [t for t in items if search.casefold() in (t["name"] + " " + t["description"]).casefold()]
        return Response(hsds.page_envelope(items, params, list))


class TaxonomyTermDetail(ReadView):
    def get(self, request, id, slug=None):
        self.coalitions()
        for item in tx.all_terms():
            if item["id"] == id:
                return Response(item)
        raise Http404


class ServiceAtLocations(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        full = hsds.flag(params, "full")
        at_locations = ServiceAtLocation.objects.filter(service__in=self.services())
        items = hsds.filter_service_at_locations(at_locations, params)
        if query := params.get("search"):
            rank = {service.id: number for number, service in enumerate(hsds.ranked(query, self.services()))}
            items = sorted(
                (item for item in items if item.service_id in rank), key=lambda a: rank[a.service_id]
            )
        contexts = hsds.Contexts()
        return Response(
            hsds.page_envelope(
                items,
                params,
                lambda chosen: [hsds.service_at_location_item(a, contexts, full=full) for a in chosen],
            )
        )


class ServiceAtLocationDetail(ReadView):
    def get(self, request, id, slug=None):
        at_location = object_or_404(
            ServiceAtLocation.objects.filter(service__in=self.services()).select_related(
                "service__coalition"
            ),
            id,
        )
        return Response(hsds.service_at_location_item(at_location, hsds.Contexts(), full=True))


# -- management API -----------------------------------------------------------------------------------


class TokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>`; the token is one coalition's, made in the admin."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() not in (b"bearer", b"token"):
            return None
        if len(header) != 2:
            raise AuthenticationFailed("Give one token: Authorization: Bearer <token>.")
        token = ApiToken.find(header[1].decode("latin-1"))
        if token is None:
            raise AuthenticationFailed("This token is unknown or revoked.")
        return (None, token)

    def authenticate_header(self, request):
        return "Bearer"


class HasCoalitionToken(BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, ApiToken)


class ManagementView(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [HasCoalitionToken]
    renderer_classes = [JSONRenderer]

    def coalition(self) -> Coalition:
        return self.request.auth.coalition

    def save(self, body, service_id=None, created=False):
        if not isinstance(body, dict):
            return Response({"detail": "Send one HSDS service as a JSON object."}, status=400)
        if service_id is not None:
            body = {**body, "id": service_id}
        try:
            import_document(self.coalition(), {"services": [body]})
        except ImportFailed as failure:
            return Response(
                {
                    "detail": "The service was not saved.",
                    "problems": [str(p) for p in failure.problems.errors],
                },
                status=400,
            )
        service = Service.objects.get(id=body["id"])
        return Response(hsds.service_detail(service), status=201 if created else 200)


class ManagedServices(ManagementView):
    http_method_names = ["post", "options"]

    @extend_schema(
        summary="Add a service",
        request=OpenApiTypes.OBJECT,
        responses={201: HSDS_SERVICE, 400: PROBLEMS, 401: REFUSED},
    )
    def post(self, request):
        return self.save(request.data, created=True)


class ManagedService(ManagementView):
    http_method_names = ["get", "put", "delete", "options"]

    def get_service(self, id) -> Service:
        return object_or_404(Service.objects.filter(coalition=self.coalition()), id)

    @extend_schema(summary="One service", responses={200: HSDS_SERVICE, 401: REFUSED, 404: NOT_FOUND})
    def get(self, request, id):
        return Response(hsds.service_detail(self.get_service(id)))

    @extend_schema(
        summary="Add or replace a service with this id",
        request=OpenApiTypes.OBJECT,
        responses={200: HSDS_SERVICE, 201: HSDS_SERVICE, 400: PROBLEMS, 401: REFUSED, 404: NOT_FOUND},
    )
    def put(self, request, id):
        if not hsds.is_uuid(id):
            raise Http404
        existing = Service.objects.filter(id=id).exclude(coalition=self.coalition()).exists()
        if existing:
            raise Http404
        return self.save(request.data, service_id=id, created=not Service.objects.filter(id=id).exists())

    @extend_schema(
        summary="Make a service inactive",
        responses={204: OpenApiResponse(description="Now inactive."), 401: REFUSED, 404: NOT_FOUND},
    )
    def delete(self, request, id):
        service = self.get_service(id)
        service.status = Service.Status.INACTIVE
        service.save(update_fields=["status", "modified_at"])
        return Response(status=204)
