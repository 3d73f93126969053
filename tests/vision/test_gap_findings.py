"""Actions answer findings of the gap analysis: chosen from today's findings, kept when resolved."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from ookbalans.analysis.running import run_analysis
from ookbalans.vision import workflow
from ookbalans.vision.models import Action
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    coalition, members = coalition_with_members()
    vision = make_vision(coalition, members["coordinator"])
    goal, action = add_goal_with_action(vision)
    findings = run_analysis(coalition).findings
    assert findings, "a small coalition always has gaps"
    return {
        "coalition": coalition,
        "members": members,
        "vision": vision,
        "goal": goal,
        "action": action,
        "finding": findings[0],
    }


def action_data(setup, **extra):
    return {
        "goal": setup["goal"].pk,
        "title": setup["action"].title,
        "organisation": setup["action"].organisation_id,
        "deadline": "2027-01-01",
        "status": "planned",
        **extra,
    }


def test_the_action_form_offers_todays_findings_and_saves_the_chosen_one(client, setup):
    client.force_login(setup["members"]["editor"])
    url = reverse("vision:action_edit", args=[setup["coalition"].slug, 1, setup["action"].pk])
    page = client.get(url).content.decode()
    finding = setup["finding"]
    assert finding.message in page
    response = client.post(url, action_data(setup, gap_findings=[finding.key]))
    assert response.status_code == 302
    action = Action.objects.get(pk=setup["action"].pk)
    assert action.gap_findings == [{"key": finding.key, "message": finding.message}]
    goals = client.get(reverse("vision:goals", args=[setup["coalition"].slug, 1])).content.decode()
    assert finding.message in goals
    assert "niet meer gevonden" not in goals


def test_an_unknown_finding_is_refused(client, setup):
    client.force_login(setup["members"]["editor"])
    url = reverse("vision:action_edit", args=[setup["coalition"].slug, 1, setup["action"].pk])
    response = client.post(url, action_data(setup, gap_findings=["verzonnen.bevinding"]))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Action.objects.get(pk=setup["action"].pk).gap_findings == []


def test_a_resolved_finding_stays_linked_and_says_so(client, setup):
    action = setup["action"]
    action.gap_findings = [{"key": "oud.opgelost", "message": "Er was geen papagroep."}]
    action.save()
    client.force_login(setup["members"]["viewer"])
    goals = client.get(reverse("vision:goals", args=[setup["coalition"].slug, 1])).content.decode()
    assert "Er was geen papagroep." in goals
    assert "niet meer gevonden in de analyse van vandaag" in goals


def test_links_travel_into_the_documents_and_a_new_version(client, setup):
    action, finding = setup["action"], setup["finding"]
    action.gap_findings = [{"key": finding.key, "message": finding.message}]
    action.save()
    client.force_login(setup["members"]["coordinator"])
    response = client.get(reverse("vision:docx", args=[setup["coalition"].slug, 1]))
    document = docx.Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(finding.message in text for text in cells)
    coordinator = setup["members"]["coordinator"]
    vision = workflow.change_status(setup["vision"], coordinator, "discussion")
    vision = workflow.change_status(
        vision, coordinator, "adopted", adopted_on=datetime.date(2026, 11, 1), adopted_by="gemeenteraad"
    )
    new = workflow.start_new_version(vision, coordinator)
    assert new.actions.get().gap_findings == [{"key": finding.key, "message": finding.message}]
