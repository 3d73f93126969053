"""A national import (`import_all`) writes what an import of each file writes, search documents included."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.fields import AutoFieldMixin

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
from ookbalans.interchange import formats
from ookbalans.interchange.models import KeptFields
from ookbalans.search import indexing
from ookbalans.search.models import LocalWord, SearchDocument
from tests.interchange.conftest import empty_like


def written_catalogue(coalition) -> dict:
    """Everything an import writes into a coalition, without the times of writing."""
    when = {"created_at", "modified_at"}

    def rows(model, **where):
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if f.attname not in when and not (f.primary_key and isinstance(f, AutoFieldMixin))
        ]
        return sorted(map(repr, model.objects.filter(**where).values_list(*names)))

    kept = []
    for kind, object_id, fields in KeptFields.objects.filter(coalition=coalition).values_list(
        "kind", "object_id", "fields"
    ):
        # The export's `last_modified` is the time of writing: what is kept says when it ran.
        if "last_modified" in fields:
            fields["last_modified"]["mapped"] = "written"
        kept.append(repr((kind, object_id, fields)))

    links = {
        name: rows(getattr(Service, name).through, service__coalition=coalition)
        for name in ("pyramid_levels", "phases", "aims", "target_groups", "factors", "languages")
    }
    documents = {
        str(d.service_id): (d.coalition_id, d.title, d.body, d.labels, d.description, d.concepts)
        for d in SearchDocument.objects.filter(service__coalition=coalition)
    }
    vectors = []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT service_id, coalition_id, title, vector::text, title_vector::text, "
                "head_vector::text FROM search_searchvector WHERE coalition_id = %s ORDER BY service_id",
                [coalition.pk],
            )
            vectors = cursor.fetchall()
    return {
        "services": rows(Service, coalition=coalition),
        "organisations": rows(Organisation, coalition=coalition),
        "locations": rows(Location, coalition=coalition),
        "contacts": rows(ContactPoint, coalition=coalition),
        "costs": rows(CostOption, service__coalition=coalition),
        "places": rows(ServiceAtLocation, service__coalition=coalition),
        "hours": rows(Schedule, service_at_location__service__coalition=coalition),
        "links": links,
        "kept": sorted(kept),
        "documents": documents,
        "vectors": vectors,
    }


@pytest.mark.django_db
def test_a_national_import_writes_what_an_import_of_each_file_writes(demo, tmp_path, monkeypatch):
    """Same objects, links, kept fields and search documents, though the documents were made ahead."""
    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    document["services"][0]["x_regio_code"] = "N-12"  # kept: no place in the catalogue
    document["organizations"][0]["x_bron"] = {"systeem": "sociale kaart"}
    data = json.dumps(document).encode()
    municipalities = list(demo.municipalities.all())
    word = document["services"][1]["name"].split()[0]
    remove_demo("voorbeeldregio")
    target = empty_like(demo, slug="voorbeeldregio")
    target.municipalities.set(municipalities)
    # A local word of the coalition in a service's name: its concept is in that service's document.
    LocalWord.objects.create(coalition=target, concept_code="somberheid_na_bevalling", word=word)
    (tmp_path / formats.file_name(target, "hsds-json")).write_bytes(data)

    made_in_bulk = []
    monkeypatch.setattr(indexing, "document_fields", lambda *args: made_in_bulk.append(args))
    out = io.StringIO()
    with transaction.atomic():
        call_command("import_all", str(tmp_path), processes=0, stdout=out)
        at_once = written_catalogue(target)
        # The fields kept were worked out before the write, with the time the objects were written at.
        written_at = {str(s.id): s.modified_at.isoformat() for s in Service.objects.filter(coalition=target)}
        kept = KeptFields.objects.filter(kind="service", fields__has_key="last_modified")
        assert kept.count() == 82
        assert all(k.fields["last_modified"]["mapped"] == written_at[str(k.object_id)] for k in kept)
        transaction.set_rollback(True)
    monkeypatch.undo()
    assert made_in_bulk == []  # every document was made ahead, from the checked file
    assert len(at_once["documents"]) == 82 == len(at_once["services"])
    assert at_once["kept"] and all(at_once["links"].values())
    assert "somberheid_na_bevalling" in str(at_once["documents"])
    assert at_once["vectors"] or connection.vendor != "postgresql"

    report = formats.import_file(target, data, "aanbod.json")
    assert written_catalogue(target) == at_once
    assert f"1 files, {report.problems.warning_count} warning(s)." in out.getvalue()
