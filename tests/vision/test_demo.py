"""The demo coalition's vision in progress loads once, obeys every rule, and shows in the documents."""

import pytest

from ookbalans.vision import documents, workflow
from ookbalans.vision.demo import load_demo
from ookbalans.vision.models import StatementChoice, Vision
from tests.demo import load_indexed_demo as load_catalogue_demo

pytestmark = pytest.mark.django_db


def test_demo_vision_is_in_progress_and_loads_once():
    assert load_demo() == {}  # without the demo coalition there is nothing to add to
    load_catalogue_demo()
    created = load_demo()
    assert (
        created["vision"] == 1 and created["goal"] >= 2 and created["action"] >= 2 and created["voice"] == 1
    )
    assert load_demo() == {}
    vision = Vision.objects.get(coalition__slug="voorbeeldregio")
    assert vision.status == Vision.Status.CONCEPT
    choices = set(vision.statement_choices.values_list("choice", flat=True))
    assert {StatementChoice.Choice.ADAPT, StatementChoice.Choice.LEAVE_OUT} <= choices
    assert vision.statement_choices.get(choice="leave_out").reason
    progress = workflow.progress(vision)
    assert any(p.completed for p in progress) and not all(p.completed for p in progress)
    assert vision.own_statements.exists()
    assert all(action.services.exists() for action in vision.actions.all())
    assert "Meer vaders en partners bereikt" in documents.render_html(vision)


def test_demo_coalition_with_its_vision_can_be_removed_and_loaded_again():
    from ookbalans.catalogue.demo import remove_demo

    load_catalogue_demo()
    load_demo()
    assert remove_demo()
    assert not Vision.objects.exists()
    load_catalogue_demo()
    assert load_demo()["vision"] == 1
