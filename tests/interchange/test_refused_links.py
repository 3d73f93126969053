"""Imports refuse javascript:, data: and other links with their place; kept fields never give one back."""

import io
import json

import pytest
from django.utils import translation
from openpyxl import load_workbook

from ookbalans.catalogue.models import Organisation
from ookbalans.interchange import formats
from ookbalans.interchange.models import KeptFields
from ookbalans.interchange.problems import ImportFailed
from tests.factories import CoalitionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def refused(coalition, data: bytes, name: str) -> list[str]:
    with translation.override("nl"), pytest.raises(ImportFailed) as caught:
        formats.import_file(coalition, data, name)
    return [str(problem) for problem in caught.value.problems.errors]


def exported(coalition) -> dict:
    return json.loads(formats.export_bytes(coalition, "hsds-json"))


def test_a_json_file_with_dangerous_links_is_refused_with_every_place():
    service = ServiceFactory(
        url="https://www.example.nl/", online=True, online_url="https://online.example.nl/"
    )
    coalition = service.coalition
    document = exported(coalition)
    item = document["services"][0]
    item["url"] = "javascript:alert(1)"
    item["name"] = "Gewijzigd"
    document["organizations"][0]["uri"] = "data:text/html,<script>alert(1)</script>"
    for attribute in item["attributes"]:
        if attribute["taxonomy_term"]["code"] == "online_adres":
            attribute["value"] = " VBScript:msgbox(1)"
    texts = refused(coalition, json.dumps(document).encode(), "aanbod.json")
    assert len(texts) == 3, texts
    assert any("services[0], veld 'url'" in t and "javascript:alert(1)" in t for t in texts), texts
    assert any("organizations[0], veld 'uri'" in t for t in texts), texts
    assert any("'online_adres'" in t and "VBScript" in t for t in texts), texts
    assert all("http://, https://, mailto: of tel:" in t for t in texts), texts
    service.refresh_from_db()
    assert service.name_nl != "Gewijzigd" and service.url == "https://www.example.nl/"
    assert not KeptFields.objects.exists()


def test_an_excel_row_with_a_javascript_website_is_refused_naming_sheet_row_and_column():
    coalition = ServiceFactory().coalition
    workbook = load_workbook(io.BytesIO(formats.export_bytes(coalition, "xlsx")))
    sheet = workbook["Organisaties"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=headers.index("Website") + 1, value="javascript:alert(1)")
    out = io.BytesIO()
    workbook.save(out)
    texts = refused(coalition, out.getvalue(), "aanbod.xlsx")
    assert texts == [
        "Organisaties, rij 2, veld 'Website': gevonden 'javascript:alert(1)'; verwacht een link die begint "
        "met http://, https://, mailto: of tel:; andere links, zoals javascript: of data:, worden geweigerd."
    ]
    assert not Organisation.objects.exclude(website="").exists()


def test_a_link_kept_before_the_check_existed_is_never_given_back(client):
    service = ServiceFactory()
    coalition = service.coalition
    organisation = service.organization
    KeptFields.objects.create(
        coalition=coalition,
        kind="organization",
        object_id=organisation.id,
        fields={
            "logo": {"original": "javascript:alert(1)", "mapped": None},
            "uri": {"original": "https://www.example.nl/org", "mapped": None},
        },
    )
    served = client.get(f"/api/hsds/organizations/{organisation.id}").json()
    assert "logo" not in served and served["uri"] == "https://www.example.nl/org"
    assert "javascript:" not in json.dumps(exported(coalition))


def test_other_schemes_and_plain_texts_are_not_links_to_refuse():
    coalition = CoalitionFactory()
    document = [
        {
            "id": "9f1c2d3e-4b5a-4c6d-8e7f-a1b2c3d4e5f6",
            "name": "Koffieochtend",
            "status": "active",
            "description": "javascript: staat hier als tekst, geen link",
            "url": "mailto:info@example.nl",
        }
    ]
    texts = refused(coalition, json.dumps(document).encode(), "x.json")
    assert not any("javascript" in t for t in texts), texts
