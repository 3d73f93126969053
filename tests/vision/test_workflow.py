"""The workflow concept -> in discussion -> adopted, the read-only lock, and new versions as copies."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ookbalans.vision import workflow
from ookbalans.vision.models import (
    ChangeLogEntry,
    OwnStatement,
    SectionWork,
    StatementChoice,
    Vision,
    VisionLocked,
    Voice,
)
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision, statement

pytestmark = pytest.mark.django_db

ADOPTED_ON = datetime.date(2026, 6, 1)


def adopt(vision, user=None):
    workflow.change_status(vision, user, Vision.Status.DISCUSSION)
    return workflow.change_status(vision, user, Vision.Status.ADOPTED, ADOPTED_ON, "gemeenteraad Zutphen")


def test_a_new_vision_starts_in_concept_on_the_newest_edition_with_the_coalitions_municipalities():
    coalition, members = coalition_with_members()
    vision = make_vision(coalition, members["coordinator"])
    assert vision.status == Vision.Status.CONCEPT
    assert vision.version == 1
    assert vision.edition.code == "1"
    assert [m.code for m in vision.municipalities.all()] == ["GM0301"]
    entry = ChangeLogEntry.objects.get(vision=vision)
    assert entry.username == members["coordinator"].username


def test_period_and_adoption_are_validated_in_dutch():
    coalition, _ = coalition_with_members()
    vision = Vision(
        coalition=coalition, edition=workflow.current_edition(), title="X", period_start=2029, period_end=2026
    )
    with pytest.raises(ValidationError) as error:
        vision.full_clean()
    assert "period_end" in error.value.message_dict
    vision = make_vision(coalition)
    vision.status = Vision.Status.ADOPTED
    with pytest.raises(ValidationError) as error:
        vision.full_clean()
    assert {"adopted_on", "adopted_by"} <= set(error.value.message_dict)


def test_workflow_moves_only_along_the_allowed_steps():
    coalition, members = coalition_with_members()
    vision = make_vision(coalition)
    with pytest.raises(ValidationError):
        workflow.change_status(vision, None, Vision.Status.ADOPTED, ADOPTED_ON, "gemeenteraad")
    workflow.change_status(vision, members["editor"], Vision.Status.DISCUSSION)
    workflow.change_status(vision, members["editor"], Vision.Status.CONCEPT)
    adopt(vision, members["coordinator"])
    vision.refresh_from_db()
    assert vision.is_adopted and vision.adopted_by == "gemeenteraad Zutphen"
    summaries = list(vision.changes.values_list("summary", flat=True))
    assert any("gemeenteraad Zutphen" in s for s in summaries)
    with pytest.raises(VisionLocked):
        workflow.change_status(vision, None, Vision.Status.CONCEPT)


def test_an_adopted_vision_cannot_be_changed_through_the_models():
    coalition, _ = coalition_with_members()
    vision = make_vision(coalition)
    choice = StatementChoice.objects.create(vision=vision, statement=statement(), choice="adopt")
    goal, action = add_goal_with_action(vision)
    adopt(vision)
    vision.title = "Iets anders"
    with pytest.raises(VisionLocked):
        vision.save()
    with pytest.raises(VisionLocked):
        vision.delete()
    choice.choice = "leave_out"
    with pytest.raises(VisionLocked):
        choice.save()
    with pytest.raises(VisionLocked):
        goal.delete()
    action.title = "Ander"
    with pytest.raises(VisionLocked):
        action.save()
    with pytest.raises(VisionLocked):
        OwnStatement.objects.create(vision=vision, section="kind", text="Nieuw")
    with pytest.raises(VisionLocked):
        workflow.save_section(vision, None, "ouderschap", {}, "uitleg", False)


def test_statement_choice_needs_wording_to_adapt_and_a_reason_to_leave_out():
    coalition, _ = coalition_with_members()
    vision = make_vision(coalition)
    adapted = StatementChoice(vision=vision, statement=statement(), choice="adapt")
    with pytest.raises(ValidationError) as error:
        adapted.full_clean()
    assert "wording" in error.value.message_dict
    left_out = StatementChoice(vision=vision, statement=statement(number=2), choice="leave_out")
    with pytest.raises(ValidationError) as error:
        left_out.full_clean()
    assert "reason" in error.value.message_dict


def test_save_section_stores_choices_logs_them_and_reports_progress():
    coalition, members = coalition_with_members()
    vision = make_vision(coalition)
    first, second = statement(number=1), statement(number=2)
    decisions = {first.id: ("adapt", "Eigen woorden", ""), second.id: ("leave_out", "", "Past niet bij ons")}
    changes = workflow.save_section(vision, members["editor"], "ouderschap", decisions, "Uitleg", False)
    assert len(changes) == 3
    assert StatementChoice.objects.get(vision=vision, statement=first).text == "Eigen woorden"
    progress = {p.code: p for p in workflow.progress(vision)}
    assert (progress["ouderschap"].decided, progress["ouderschap"].statements) == (2, 4)
    assert progress["ouderschap"].state == "busy"
    assert progress["kind"].state == "todo"
    # Saving the same again changes nothing and logs nothing new.
    count = vision.changes.count()
    assert workflow.save_section(vision, members["editor"], "ouderschap", decisions, "Uitleg", False) == []
    assert vision.changes.count() == count
    entry = vision.changes.first()
    assert entry.username == members["editor"].username
    assert "Bouwsteen 1/ouderschap/1: aanpassen in eigen woorden. “Eigen woorden”" in entry.details
    assert "Bouwsteen 1/ouderschap/2: niet overnemen. “Past niet bij ons”" in entry.details


def test_a_new_version_is_a_full_copy_of_the_adopted_one_and_editable():
    coalition, members = coalition_with_members()
    vision = make_vision(coalition)
    vision.signatories.set([])
    StatementChoice.objects.create(vision=vision, statement=statement(), choice="adapt", wording="Eigen")
    OwnStatement.objects.create(vision=vision, section="kind", text="Elk kind leest")
    SectionWork.objects.create(vision=vision, section="kind", explanation="Uitleg", completed=True)
    goal, action = add_goal_with_action(vision)
    Voice.objects.create(
        vision=vision,
        section="kind",
        source="parents",
        session_kind="survey",
        held_on=datetime.date(2026, 1, 5),
        said="Meer inloop",
        response="Inloop gestart",
    )
    with pytest.raises(ValidationError):
        workflow.start_new_version(vision, members["coordinator"])  # not adopted yet
    adopt(vision)
    new = workflow.start_new_version(vision, members["coordinator"])
    assert (new.version, new.status, new.based_on) == (2, Vision.Status.CONCEPT, vision)
    assert new.statement_choices.get().wording == "Eigen"
    assert new.own_statements.get().text == "Elk kind leest"
    assert new.sections.get().completed
    copied_goal = new.goals.get()
    assert copied_goal.key == goal.key and copied_goal.pk != goal.pk
    assert list(copied_goal.aims.all()) == list(goal.aims.all())
    copied_action = new.actions.get()
    assert copied_action.goal == copied_goal and list(copied_action.services.all()) == list(
        action.services.all()
    )
    assert new.voices.get().response == "Inloop gestart"
    # The copy can change; the adopted original stays as it was.
    copied_goal.title = "Nog meer vaders"
    copied_goal.save()
    assert vision.goals.get().title == "Meer vaders bereikt"
    with pytest.raises(ValidationError):
        workflow.start_new_version(vision, members["coordinator"])  # a newer version exists


def test_a_coalition_goes_whole_with_its_adopted_and_newer_versions():
    coalition, _ = coalition_with_members()
    vision = make_vision(coalition)
    add_goal_with_action(vision)
    adopt(vision)
    workflow.start_new_version(vision, None)
    coalition.delete()
    assert not Vision.objects.exists() and not ChangeLogEntry.objects.exists()
