"""The HSDS read API (open, read-only, only active services) and the token-protected management API."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
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

from ookbalans.api import counts, hsds, openapi, pages, trail
from ookbalans.api.models import ApiToken
from ookbalans.api.pagination import Counted, HsdsPagination
from ookbalans.api.schema import HSDS_SERVICE, NOT_FOUND, PROBLEMS, REFUSED
from ookbalans.audit import context as audit
from ookbalans.audit.tracking import record_saved, snapshot
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
    pagination_class = HsdsPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.query_params.lists():
            # PostgreSQL refuses NUL characters in text; such a parameter can only be a mistake.
            if "\x00" in name or any("\x00" in value for value in values):
                raise hsds.BadParameter(f"'{name.replace(chr(0), '')}' holds a NUL character.")
        # The coalition in the URL (404 when unknown, for every endpoint), or None for the whole country.
        slug = self.kwargs.get("slug")
        self.coalition = None if slug is None else get_object_or_404(Coalition, slug=slug)

    def of_coalition(self, queryset: QuerySet, path: str = "coalition") -> QuerySet:
        return queryset if self.coalition is None else queryset.filter(**{path: self.coalition})

    def services(self) -> QuerySet[Service]:
        return self.of_coalition(Service.objects.filter(status=Service.Status.ACTIVE))

    def paginated(self, items, convert) -> Response:
        """One page of the items (a queryset, counted and sliced by the database, or a list), mapped."""
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(items, self.request, self)
        return paginator.get_paginated_response(convert(page))

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
        base = self.base_url()
        return Response(
            {"version": mapping.HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": base + "openapi.json"}
        )


class OpenApiDocument(ReadView):
    def get(self, request, slug=None):
        return Response(openapi.document_for(self.base_url().rstrip("/")))


class Services(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        minimal, full = hsds.flag(params, "minimal"), hsds.flag(params, "full")
        listed = not (minimal or full)
        services = hsds.filter_services(self.services(), params)
        if query := params.get("search"):
            # Ranked by relevance through the finder's search, the same as parents get.
            ranked = hsds.ranked_ids(query, services, self.coalition)
            loaded = pages.services_for_page(Service.objects.all(), minimal=minimal, listed=listed)
            return self.paginated(
                ranked,
                lambda ids: hsds.services_page(hsds.in_order(loaded, ids), minimal=minimal, full=full),
            )
        ordered = pages.services_for_page(services.order_by("name_nl", "id"), minimal=minimal, listed=listed)
        if self.coalition is None and (count := counts.country_count(params)):
            ordered = Counted(ordered, count)
        return self.paginated(ordered, lambda page: hsds.services_page(page, minimal=minimal, full=full))


class ServiceDetail(ReadView):
    def get(self, request, id, slug=None):
        return Response(hsds.service_detail(object_or_404(self.services(), id)))


class Organizations(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        full, full_service = hsds.flag(params, "full"), hsds.flag(params, "full_service")
        organisations = self.of_coalition(Organisation.objects.all())
        if search := params.get("search"):
            organisations = organisations.filter(Q(name__icontains=search) | Q(description__icontains=search))
        ordered = hsds.organisations_for_page(organisations.order_by("name", "id"), full=full or full_service)
        return self.paginated(
            ordered,
            lambda page: hsds.organisations_page(page, full=full or full_service, full_service=full_service),
        )


class OrganizationDetail(ReadView):
    def get(self, request, id, slug=None):
        organisation = object_or_404(
            hsds.organisations_for_page(self.of_coalition(Organisation.objects.all()), full=True), id
        )
        full_service = hsds.flag(request.query_params, "full_service")
        return Response(hsds.organisations_page([organisation], full=True, full_service=full_service)[0])


def searched(items: list[dict], params) -> list[dict]:
    """Taxonomies or terms whose name or description contains ?search= (case-insensitive)."""
    if search := params.get("search"):
        return [t for t in items if search.casefold() in (t["name"] + " " + t["description"]).casefold()]
    return items


def one_of(items: list[dict], id: str) -> Response:
    """The taxonomy or term with this id, or 404."""
    found = next((item for item in items if item["id"] == id), None)
    if found is None:
        raise Http404
    return Response(found)


class Taxonomies(ReadView):
    def get(self, request, slug=None):
        return self.paginated(searched(tx.all_taxonomies(), request.query_params), list)


class TaxonomyDetail(ReadView):
    items = staticmethod(tx.all_taxonomies)

    def get(self, request, id, slug=None):
        return one_of(self.items(), id)


class TaxonomyTerms(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        items = tx.all_terms()
        hsds.flag(params, "top_only")  # every ookbalans term is a top term: the taxonomies are flat
        if value := params.get("taxonomy_id"):
            items = [t for t in items if value in (t["taxonomy_id"], t["taxonomy_detail"]["uri"])]
        if params.get("parent_id"):
            items = []
        return self.paginated(searched(items, params), list)


class TaxonomyTermDetail(TaxonomyDetail):
    items = staticmethod(tx.all_terms)


class ServiceAtLocations(ReadView):
    def get(self, request, slug=None):
        params = request.query_params
        full = hsds.flag(params, "full")
        services = hsds.filter_services(self.services(), params)
        rank = None
        if query := params.get("search"):
            rank = {pk: number for number, pk in enumerate(hsds.ranked_ids(query, services, self.coalition))}
        at_locations = ServiceAtLocation.objects.filter(service__in=services)
        items = hsds.service_at_locations(hsds.places_for_page(at_locations, full=full), params, rank)
        if self.coalition is None and not any(
            params.get(name) for name in (*hsds.SERVICE_FILTERS, "search", "postcode")
        ):
            items = Counted(items, counts.count_active_places)
        return self.paginated(items, lambda page: hsds.service_at_locations_page(page, full=full))


class ServiceAtLocationDetail(ReadView):
    def get(self, request, id, slug=None):
        queryset = ServiceAtLocation.objects.filter(service__in=self.services())
        at_location = object_or_404(hsds.places_for_page(queryset, full=True), id)
        return Response(hsds.service_at_locations_page([at_location], full=True)[0])


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

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Authenticated and permitted: the token is who acts, in the audit trail.
        audit.act_as(name=f"beheer-API: {request.auth}", coalition=request.auth.coalition)

    def coalition(self) -> Coalition:
        return self.request.auth.coalition

    def save(self, body, service_id=None, created=False):
        if not isinstance(body, dict):
            return Response({"detail": "Send one HSDS service as a JSON object."}, status=400)
        if service_id is not None:
            body = {**body, "id": service_id}
        given = body.get("id")
        existing = (
            Service.objects.filter(id=given, coalition=self.coalition()).first()
            if hsds.is_uuid(given)
            else None
        )
        before = trail.Before(self.coalition(), body)
        try:
            with transaction.atomic():
                import_document(self.coalition(), {"services": [body]})
                # The import writes in bulk, without signals: the entries are written here, the
                # organisations and locations the body created or changed first, then the service.
                before.record()
                record_saved(Service.objects.get(id=body["id"]), snapshot(existing) if existing else None)
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
