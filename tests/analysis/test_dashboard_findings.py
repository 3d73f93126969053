"""The dashboard's findings: grouped, limited to the coalition's phases, no internal codes, and each one a
link to a prefilled action of the vision."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils.html import escape, strip_tags

from ookbalans.analysis import grouping, presentation
from ookbalans.analysis.models import AnalysisSettings
from ookbalans.analysis.rules import PHASES
from ookbalans.analysis.running import run_analysis
from ookbalans.catalogue.models import Membership
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory
from tests.vision.helpers import add_goal_with_action, make_vision

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition():
    coalition = CoalitionFactory(slug="hier")
    ServiceFactory(coalition=coalition, name_nl="Babycafé")  # basis, baby
    return coalition


def coordinator(coalition):
    return MembershipFactory(coalition=coalition, role=Membership.Role.COORDINATOR).user


def test_by_default_findings_are_about_kinderwens_to_peuter_only(coalition):
    phases = {f.subject.get("phase") for f in run_analysis(coalition).findings} - {None}
    assert phases == {"kinderwens", "zwangerschap", "geboorte", "baby", "dreumes", "peuter"}
    AnalysisSettings.objects.create(coalition=coalition, phases=list(PHASES))
    phases = {f.subject.get("phase") for f in run_analysis(coalition).findings} - {None}
    assert {"kind", "tiener"} <= phases


def test_a_coalition_chooses_its_phases_and_sees_only_those(client, coalition):
    AnalysisSettings.objects.create(coalition=coalition, phases=["peuter", "kind"])
    analysis = run_analysis(coalition)
    assert analysis.thresholds.phases == ("peuter", "kind")
    assert {f.subject.get("phase") for f in analysis.findings} - {None} == {"peuter", "kind"}
    assert set(analysis.matrix["basis"]) == set(PHASES)  # the matrix itself stays whole, for snapshots
    client.force_login(coordinator(coalition))
    html = client.get(reverse("analysis:dashboard", args=["hier"])).content.decode()
    assert "Kind (4 tot 12 jaar)" in html and "Peuter" in html
    assert "Kinderwens" not in html and "Zwangerschap" not in html


def test_similar_findings_are_grouped_under_one_sentence_with_the_list_on_opening(client, coalition):
    rows = [presentation.finding_row(f) for f in run_analysis(coalition).findings]
    groups = grouping.grouped(rows)
    empty_basis = next(g for g in groups if g["findings"][0]["key"].startswith("matrix.empty_cell:basis:"))
    assert empty_basis["count"] == 5
    assert sum(g["count"] for g in groups) == len(rows) > len(groups)
    assert [g["severity"] for g in groups] == sorted(
        (g["severity"] for g in groups), key=["high", "medium", "low"].index
    )
    client.force_login(coordinator(coalition))
    html = client.get(reverse("analysis:dashboard", args=["hier"])).content.decode()
    assert "<summary>5 vakken zonder aanbod op niveau Basis</summary>" in html
    for row in empty_basis["findings"]:  # the list is inside the group, shown on opening
        assert escape(row["message"]) in html


def test_no_internal_code_is_shown_anywhere(client, coalition):
    client.force_login(coordinator(coalition))
    analysis = run_analysis(coalition)
    pages = [reverse("analysis:dashboard", args=["hier"])] + [
        reverse("analysis:finding", args=["hier", f.key]) for f in analysis.findings
    ]
    codes = {f.code for f in analysis.findings}
    for url in pages:
        text = strip_tags(client.get(url).content.decode())  # what a reader sees (addresses may hold keys)
        for code in codes:
            assert code not in text, (url, code)
        assert "MATRIX." not in text.upper()


def test_every_finding_links_to_a_prefilled_action_of_the_vision(client, coalition):
    user = coordinator(coalition)
    vision = make_vision(coalition, user)
    goal, action = add_goal_with_action(vision)
    client.force_login(user)
    analysis = run_analysis(coalition)
    finding = analysis.findings[0]
    html = client.get(reverse("analysis:dashboard", args=["hier"])).content.decode()
    link = escape(presentation.action_url("hier", finding))
    assert link in html and html.count("Maak er een actie van") == len(analysis.findings)
    assert link in client.get(reverse("analysis:finding", args=["hier", finding.key])).content.decode()

    response = client.get(presentation.action_url("hier", finding))
    target = urlparse(response["Location"])
    assert target.path == reverse("vision:action_create", args=["hier", vision.version])
    assert parse_qs(target.query)["finding"] == [finding.key]
    form = client.get(response["Location"]).content.decode()
    assert escape(finding.next_step) in form and escape(finding.message) in form
    ticked = re.findall(r'<input type="checkbox" name="gap_findings" value="([^"]+)"[^>]*checked', form)
    assert ticked == [finding.key]


def test_without_a_vision_the_link_says_to_start_one(client, coalition):
    client.force_login(coordinator(coalition))
    finding = run_analysis(coalition).findings[0]
    response = client.get(presentation.action_url("hier", finding), follow=True)
    assert response.redirect_chain[-1][0] == reverse("vision:coalition", args=["hier"])
    assert "Begin eerst aan de visie" in response.content.decode()
