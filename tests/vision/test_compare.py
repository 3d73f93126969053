"""Comparing two versions: a pure diff of snapshots, and snapshots of real versions."""

import datetime

import pytest

from ookbalans.vision import workflow
from ookbalans.vision.compare import Difference, compare, snapshot
from ookbalans.vision.models import StatementChoice, Vision
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision, statement


def base_snapshot(**changes):
    data = {
        "version": 1,
        "details": {"title": "Visie", "period": "2026–2029", "introduction": "", "status": "vastgesteld"},
        "statements": {
            "1/ouderschap/1": {
                "section": "ouderschap",
                "number": 1,
                "choice": "overnemen",
                "text": "Tekst",
                "reason": "",
            },
        },
        "own": {"ouderschap": ["Eigen A"]},
        "explanations": {"ouderschap": "Uitleg"},
        "goals": {
            "k1": {
                "title": "Doel",
                "indicator": "i",
                "target_value": "5",
                "target_date": "01-01-2027",
                "aims": "a",
                "levels": "",
                "phases": "",
            }
        },
        "actions": {},
    }
    for key, value in changes.items():
        data[key] = value
    return data


def test_compare_shows_changed_added_and_removed_side_by_side():
    old = base_snapshot()
    new = base_snapshot(
        statements={
            "1/ouderschap/1": {
                "section": "ouderschap",
                "number": 1,
                "choice": "aanpassen",
                "text": "Nieuw",
                "reason": "",
            },
        },
        own={"ouderschap": ["Eigen B"]},
        goals={},
        actions={
            "a1": {
                "title": "Actie",
                "goal": "Doel",
                "organisation": "JGZ",
                "deadline": "01-01-2027",
                "status": "gepland",
                "services": "",
                "planned_services": "",
            }
        },
    )
    lines = compare(old, new)
    by_item = {(line.area, line.item): line for line in lines}
    block = by_item[("Visie op ouderschap", "Bouwsteen 1/ouderschap/1")]
    assert block.kind == "changed" and "Nieuw" in block.new and "Tekst" in block.old
    own = [line for line in lines if line.item == "Eigen uitspraak"]
    assert {(line.old, line.new, line.kind) for line in own} == {
        ("Eigen A", "", "removed"),
        ("", "Eigen B", "added"),
    }
    assert by_item[("Doelen", "Doel")].kind == "removed"
    assert by_item[("Acties", "Actie")].kind == "added"
    assert by_item[("Gegevens", "titel")].kind == "same"


def test_identical_snapshots_have_no_changes():
    assert all(line.kind == "same" for line in compare(base_snapshot(), base_snapshot()))
    assert Difference("x", "y", "", "").kind == "same"


@pytest.mark.django_db
def test_snapshot_follows_a_renamed_goal_across_versions():
    coalition, _ = coalition_with_members()
    vision = make_vision(coalition)
    StatementChoice.objects.create(vision=vision, statement=statement(), choice="adopt")
    add_goal_with_action(vision)
    workflow.change_status(vision, None, Vision.Status.DISCUSSION)
    workflow.change_status(vision, None, Vision.Status.ADOPTED, datetime.date(2026, 6, 1), "gemeenteraad")
    new = workflow.start_new_version(vision, None)
    goal = new.goals.get()
    goal.target_value = "75%"
    goal.save()
    choice = new.statement_choices.get()
    choice.choice, choice.wording = "adapt", "In onze woorden"
    choice.save()
    lines = [line for line in compare(snapshot(vision), snapshot(new)) if line.kind != "same"]
    kinds = {(line.area, line.item): line.kind for line in lines}
    assert kinds[("Doelen", "Meer vaders bereikt")] == "changed"
    goal_line = next(line for line in lines if line.area == "Doelen")
    assert (goal_line.old, goal_line.new) == ("streefwaarde: 60%", "streefwaarde: 75%")  # only what differs
    assert kinds[("Visie op ouderschap", "Bouwsteen 1/ouderschap/1")] == "changed"
    assert kinds[("Gegevens", "status")] == "changed"
    assert ("Acties", "Papa Café starten") not in kinds  # unchanged action
