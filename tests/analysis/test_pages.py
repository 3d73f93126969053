"""The analysis pages, reports and commands on the database: permissions, drill-down, snapshots, files."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from ookbalans.analysis.models import AnalysisSettings, Region, Snapshot
from ookbalans.analysis.running import run_analysis
from ookbalans.catalogue import permissions
from ookbalans.catalogue.models import Membership
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition():
    coalition = CoalitionFactory(slug="hier")
    ServiceFactory(coalition=coalition, name_nl="Babycafé")
    ServiceFactory(coalition=coalition, name_nl="Opvoedsteun", levels=["extra"])
    return coalition


def member(coalition, role=Membership.Role.COORDINATOR):
    return MembershipFactory(coalition=coalition, role=role).user


def pages(slug, key="fathers.few_services"):
    return [
        reverse("analysis:dashboard", args=[slug]),
        reverse("analysis:cell", args=[slug, "basis", "baby"]),
        reverse("analysis:finding", args=[slug, key]),
        reverse("analysis:report", args=[slug, "pdf"]),
        reverse("analysis:report", args=[slug, "docx"]),
        reverse("analysis:report", args=[slug, "xlsx"]),
    ]


def test_anonymous_users_are_sent_to_the_login(client, coalition):
    for url in pages("hier"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_other_coalitions_do_not_exist_for_a_member(client, coalition):
    other = CoalitionFactory(slug="elders")
    ServiceFactory(coalition=other)
    client.force_login(member(other))
    for url in pages("hier"):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("analysis:snapshot", args=["hier"])).status_code == 404
    assert "hier" not in client.get(reverse("analysis:index")).content.decode()


# Every coalition-wide role; organisation editors are kept out of the analysis (tests/catalogue).
@pytest.mark.parametrize("role", permissions.ALL_ROLES)
def test_every_role_reads_the_dashboard_with_its_findings(client, coalition, role):
    client.force_login(member(coalition, role))
    response = client.get(reverse("analysis:dashboard", args=["hier"]))
    assert response.status_code == 200
    html = response.content.decode()
    for finding in run_analysis(coalition).findings:
        assert escape(finding.message) in html
    assert "<svg" in html and 'href="/analyse/hier/vak/basis/baby/"' in html
    assert ("/analyse/hier/momentopname/" in html) == (role == Membership.Role.COORDINATOR)


def test_cell_drill_down_lists_its_services_with_admin_links(client, coalition):
    client.force_login(member(coalition))
    html = client.get(reverse("analysis:cell", args=["hier", "basis", "baby"])).content.decode()
    service = coalition.services.get(name_nl="Babycafé")
    assert "Babycafé" in html and reverse("admin:catalogue_service_change", args=[service.pk]) in html
    assert "Opvoedsteun" not in html
    assert client.get(reverse("analysis:cell", args=["hier", "nergens", "baby"])).status_code == 404


def test_finding_drill_down(client, coalition):
    client.force_login(member(coalition))
    html = client.get(
        reverse("analysis:finding", args=["hier", "matrix.empty_cell:basis:kinderwens"])
    ).content
    assert b"Kinderwens" in html
    assert client.get(reverse("analysis:finding", args=["hier", "geen.bevinding"])).status_code == 404
    html = client.get(reverse("analysis:finding", args=["hier", "fathers.few_services"])).content.decode()
    assert "Minimum van de coalitie" in html and "<td>3</td>" in html


def test_only_coordinators_record_snapshots_and_the_trend_shows_changes(client, coalition):
    client.force_login(member(coalition, Membership.Role.EDITOR))
    assert client.post(reverse("analysis:snapshot", args=["hier"])).status_code == 404
    coordinator = member(coalition)
    client.force_login(coordinator)
    response = client.post(reverse("analysis:snapshot", args=["hier"]), {"note": "nulmeting"})
    assert response.status_code == 302
    assert Snapshot.objects.get(coalition=coalition).note == "nulmeting"
    ServiceFactory(coalition=coalition, name_nl="Kinderwensspreekuur").phases.set([])
    service = ServiceFactory(coalition=coalition, name_nl="Preconceptiespreekuur")
    from tests.factories import term

    service.phases.set([term("phase", "kinderwens")])
    html = client.get(reverse("analysis:dashboard", args=["hier"])).content.decode()
    assert "Basis — Kinderwens (1)" in html
    assert "nulmeting" in html


def test_thresholds_of_the_coalition_are_used(client, coalition):
    AnalysisSettings.objects.create(coalition=coalition, thin_cell_below=5, min_father_services=0)
    keys = {f.key for f in run_analysis(coalition).findings}
    assert "matrix.thin_cell:basis:baby" in keys and "fathers.few_services" not in keys


def test_regional_members_compare_their_coalitions_only(client, coalition):
    other = CoalitionFactory(name="Buurgemeente", slug="buur")
    hidden = CoalitionFactory(name="Ver weg", slug="ver")
    user = UserFactory()
    region = Region.objects.create(name="Regio Oost", slug="oost")
    region.coalitions.set([coalition, other])
    region.members.add(user)
    Region.objects.create(name="Regio West", slug="west").coalitions.set([hidden])
    client.force_login(user)
    html = client.get(reverse("analysis:region", args=["oost"])).content.decode()
    assert coalition.name in html and "Buurgemeente" in html and "Ver weg" not in html
    assert client.get(reverse("analysis:region", args=["west"])).status_code == 404
    assert client.get(reverse("analysis:dashboard", args=["buur"])).status_code == 404


def test_reports_hold_the_findings_of_the_dashboard(client, coalition):
    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    client.force_login(member(coalition))
    messages = [f.message for f in run_analysis(coalition).findings]
    assert messages

    pdf = client.get(reverse("analysis:report", args=["hier", "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf.content)).pages
    )
    for message in messages:
        assert " ".join(message.split()) in text
    assert "Babycafé" in text

    docx = client.get(reverse("analysis:report", args=["hier", "docx"]))
    document = Document(io.BytesIO(docx.content))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    for message in messages:
        assert message in paragraphs
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)
    assert document.tables[0].rows[0].cells[1].text == "Kinderwens"

    xlsx = client.get(reverse("analysis:report", args=["hier", "xlsx"]))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    sheet_messages = [row[2] for row in workbook["Bevindingen"].iter_rows(min_row=2, values_only=True)]
    assert sorted(sheet_messages) == sorted(messages)  # by theme in the workbook
    assert client.get(reverse("analysis:report", args=["hier", "odt"])).status_code == 404


def test_cli_analyse_json_and_text(coalition):
    out = io.StringIO()
    call_command("analyse", "--coalition", "hier", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["matrix"]["basis"]["baby"]["services"] == 1
    assert {f["code"] for f in data["findings"]} >= {"matrix.empty_cell", "fathers.few_services"}
    out = io.StringIO()
    call_command("analyse", "--coalition", "hier", stdout=out)
    assert "matrix.empty_cell" in out.getvalue()


def test_a_snapshot_note_that_is_too_long_is_refused_with_a_message(client, coalition):
    client.force_login(member(coalition))
    with translation.override("nl"):
        response = client.post(reverse("analysis:snapshot", args=["hier"]), {"note": "x" * 301}, follow=True)
    assert not Snapshot.objects.filter(coalition=coalition).exists()
    assert "300 tekens" in response.content.decode()


def test_cli_snapshot_and_unknown_coalition(coalition):
    from django.core.management.base import CommandError

    call_command("snapshot", "--coalition", "hier", stdout=io.StringIO())
    call_command("snapshot", "--coalition", "hier", stdout=io.StringIO())  # same day: replaced
    assert Snapshot.objects.filter(coalition=coalition).count() == 1
    with pytest.raises(CommandError, match="Geen coalitie"):
        call_command("analyse", "--coalition", "bestaat-niet", stdout=io.StringIO())


def test_settings_admin_is_for_coordinators_of_the_coalition(client, coalition):
    settings_object = AnalysisSettings.objects.create(coalition=coalition)
    url = reverse("admin:analysis_analysissettings_change", args=[settings_object.pk])
    client.force_login(member(coalition, Membership.Role.EDITOR))
    response = client.post(url, {"coalition": coalition.pk, "thin_cell_below": 4})
    assert AnalysisSettings.objects.get().thin_cell_below == 2
    assert response.status_code in (200, 403)
    client.force_login(member(CoalitionFactory()))
    assert client.get(url).status_code in (302, 403, 404)


def test_a_coordinator_sets_the_thresholds_in_the_admin(client, coalition):
    client.force_login(member(coalition))
    url = reverse("admin:analysis_analysissettings_add")
    form = client.get(url + f"?coalition={coalition.pk}")
    assert form.status_code == 200
    ticked = re.findall(r'name="phases" value="([^"]+)"[^>]*checked', form.content.decode())
    assert ticked == ["kinderwens", "zwangerschap", "geboorte", "baby", "dreumes", "peuter"]
    data = {
        "coalition": coalition.pk,
        "thin_cell_below": 3,
        "max_distance_km": 7.5,
        "min_access_share": 0.6,
        "min_access_share_secondary": 0.2,
        "max_affordable_amount": "15.00",
        "max_waiting_weeks": 4,
        "min_evidence_share": 0.3,
        "min_father_services": 2,
        "min_vulnerable_services": 2,
        "stale_after_months": 6,
        "min_unmet_searches": 5,
        "phases": ["kind", "kinderwens", "baby"],
    }
    assert client.post(url, data).status_code == 302
    thresholds = AnalysisSettings.objects.get(coalition=coalition).thresholds()
    assert (thresholds.max_distance_km, thresholds.max_affordable_amount, thresholds.stale_after_months) == (
        7.5,
        15.0,
        6,
    )
    assert thresholds.phases == ("kinderwens", "baby", "kind")  # the framework's order
    assert client.post(url, data | {"phases": []}).status_code == 200  # at least one phase
    response = client.post(url, data | {"min_access_share": 2})
    assert response.status_code == 200 and AnalysisSettings.objects.count() == 1


def test_the_excel_report_holds_no_formula_whatever_a_name_says(client, coalition):
    """A service named like a formula is text in the report: no cell of the workbook is a formula."""
    from openpyxl import load_workbook

    ServiceFactory(coalition=coalition, name_nl='=HYPERLINK("https://evil.example","klik")')
    ServiceFactory(coalition=coalition, name_nl="+31 cmd|' /C calc'!A0", levels=["extra"])
    client.force_login(member(coalition))
    xlsx = client.get(reverse("analysis:report", args=["hier", "xlsx"]))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = " ".join(str(cell.value) for cell in cells if isinstance(cell.value, str))
    assert "'=HYPERLINK(" in texts
