"""An import maps what it created from the written instances, and writes rows as bulk_create would."""

import datetime
import uuid
from decimal import Decimal

import pytest

from ookbalans.catalogue.copying import insert_objects, insert_rows
from ookbalans.catalogue.demo import remove_demo
from ookbalans.catalogue.models import (
    ContactPoint,
    CostOption,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import formats, mapping, writing
from ookbalans.interchange.exporting.loading import services_in_chunks
from ookbalans.interchange.models import KeptFields
from tests.interchange.conftest import empty_like

pytestmark = pytest.mark.django_db


@pytest.fixture
def created(demo, monkeypatch):
    """The demo's export imported into an empty coalition, with the objects the writing step created."""
    seen = {}
    keep = writing.keep_extras

    def remember(check, new, places):
        seen["new"] = new
        return keep(check, new, places)

    monkeypatch.setattr(writing, "keep_extras", remember)
    data = formats.export_bytes(demo, "hsds-json")
    municipalities = list(demo.municipalities.all())
    remove_demo("voorbeeldregio")  # its ids are global: the copy may only have them once the demo is gone
    target = empty_like(demo)
    target.municipalities.set(municipalities)
    formats.import_file(target, data, "aanbod.json")
    return target, seen["new"]


def test_created_services_map_as_they_do_loaded_from_the_database(created):
    target, new = created
    context = mapping.Context(municipalities=target.municipalities.order_by("code"))
    in_memory = {str(s.id): mapping.service_to_hsds(s, context) for s in new["service"]}
    loaded = {
        str(s.id): mapping.service_to_hsds(s, context)
        for chunk in services_in_chunks(Service.objects.filter(coalition=target))
        for s in chunk
    }
    assert len(in_memory) == 82 and in_memory == loaded
    # Every part came along: places with their location and hours, costs, terms and languages.
    places = [sal for s in in_memory.values() for sal in s.get("service_at_locations", [])]
    assert places and all(sal["location"] for sal in places) and any(sal.get("schedules") for sal in places)
    assert any(s.get("cost_options") for s in in_memory.values())
    assert all(s["attributes"] for s in in_memory.values())


def test_created_organisations_locations_and_contacts_map_as_loaded(created):
    target, new = created
    for kind, model, to_hsds, related in (
        ("organization", Organisation, mapping.organization_to_hsds, ()),
        ("location", Location, mapping.location_to_hsds, ("municipality",)),
        ("contact", ContactPoint, mapping.contact_to_hsds, ("phase",)),
    ):
        in_memory = {str(o.id): to_hsds(o, mapping.Context()) for o in new[kind]}
        loaded = {
            str(o.id): to_hsds(o, mapping.Context())
            for o in model.objects.filter(coalition=target).select_related(*related)
        }
        assert in_memory and in_memory == loaded, kind


def test_an_own_export_imported_into_an_empty_coalition_keeps_only_its_dates(created):
    target, _new = created
    kept = {
        key
        for fields in KeptFields.objects.filter(coalition=target).values_list("fields", flat=True)
        for key in fields
    }
    assert kept <= {"last_modified"}


def test_copied_rows_hold_what_bulk_create_writes(demo):
    """The same objects written by insert_objects/insert_rows and by bulk_create read back the same."""
    service = Service.objects.filter(coalition=demo).order_by("id").first()
    place = ServiceAtLocation.objects.filter(service=service).first()
    twins = []
    for writer in ("copy", "bulk"):
        copy = Service.objects.get(pk=service.pk)
        copy.id = uuid.uuid4()
        copy.name_en = "Baby massage"
        sal = ServiceAtLocation(
            id=uuid.uuid4(), service_id=copy.id, location_id=place.location_id, description="Hier"
        )
        option = (str(uuid.uuid4()), str(copy.id), "amount", Decimal("12.50"), "per keer")
        hours = (str(uuid.uuid4()), str(sal.id), 2, datetime.time(9, 30), datetime.time(12, 0))
        if writer == "copy":
            insert_objects(Service, [copy])
            insert_objects(ServiceAtLocation, [sal])
            insert_rows(CostOption, ("id", "service", "kind", "amount", "option"), [option])
            insert_rows(Schedule, ("id", "service_at_location", "weekday", "opens_at", "closes_at"), [hours])
            insert_rows(Service.phases.through, ("service", "term"), [(copy.id, service.phases.first().id)])
        else:
            Service.objects.bulk_create([copy])
            ServiceAtLocation.objects.bulk_create([sal])
            CostOption.objects.bulk_create(
                [
                    CostOption(
                        id=option[0], service_id=copy.id, kind="amount", amount=option[3], option=option[4]
                    )
                ]
            )
            Schedule.objects.bulk_create(
                [
                    Schedule(
                        id=hours[0],
                        service_at_location_id=sal.id,
                        weekday=2,
                        opens_at=hours[3],
                        closes_at=hours[4],
                    )
                ]
            )
            Service.phases.through.objects.bulk_create(
                [Service.phases.through(service_id=copy.id, term_id=service.phases.first().id)]
            )
        twins.append(copy.id)

    def stored(service_id):
        names = [
            f.attname
            for f in Service._meta.concrete_fields
            if f.attname not in {"id", "created_at", "modified_at"}
        ]
        row = dict(zip(names, Service.objects.filter(id=service_id).values_list(*names).get(), strict=True))
        parts = (
            list(
                ServiceAtLocation.objects.filter(service_id=service_id).values(
                    "location_id", "description", "description_nl", "description_en"
                )
            ),
            list(CostOption.objects.filter(service_id=service_id).values("kind", "amount", "option")),
            list(
                Schedule.objects.filter(service_at_location__service_id=service_id).values(
                    "weekday", "opens_at", "closes_at"
                )
            ),
            list(
                Service.phases.through.objects.filter(service_id=service_id).values_list("term_id", flat=True)
            ),
        )
        return row, parts

    copied, bulk = stored(twins[0]), stored(twins[1])
    assert copied == bulk
    assert Service.objects.get(id=twins[0]).name_en == "Baby massage"
    assert copied[1][1][0]["amount"] == Decimal("12.50") and copied[1][3]
    created_at, modified_at = (
        Service.objects.filter(id=twins[0]).values_list("created_at", "modified_at").get()
    )
    assert created_at is not None and modified_at >= created_at
