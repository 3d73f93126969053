"""Overdue actions (past the deadline, not done): marked on the overview, the action list, the start page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ookbalans.vision.models import Action
from ookbalans.vision.models.goals import is_overdue
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("deadline", "status", "overdue"),
    [
        (datetime.date(2026, 12, 1), "planned", True),
        (datetime.date(2026, 12, 1), "running", True),
        (datetime.date(2026, 12, 1), "done", False),
        (datetime.date(2026, 12, 1), "stopped", False),
        (TODAY, "planned", False),
        (datetime.date(2027, 1, 1), "planned", False),
    ],
)
def test_an_action_is_overdue_only_past_its_deadline_and_still_open(deadline, status, overdue):
    assert is_overdue(deadline, status, today=TODAY) is overdue


@pytest.fixture
def late(client):
    coalition, members = coalition_with_members()
    vision = make_vision(coalition)
    goal, action = add_goal_with_action(vision)
    Action.objects.filter(pk=action.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=90))
    Action.objects.create(
        vision=vision,
        goal=goal,
        title="Al gedaan",
        organisation=action.organisation,
        deadline=timezone.localdate() - datetime.timedelta(days=90),
        status=Action.Status.DONE,
    )
    client.force_login(members["coordinator"])
    return vision


def test_the_overview_lists_the_overdue_action(client, late):
    page = client.get(reverse("vision:overview", args=[late.coalition.slug, late.version])).content.decode()
    assert "1 actie over de deadline" in page
    assert "Papa Café starten" in page
    assert "Al gedaan" not in page


def test_the_action_list_marks_the_overdue_action(client, late):
    page = client.get(reverse("vision:goals", args=[late.coalition.slug, late.version])).content.decode()
    assert page.count('class="overdue"') == 1
    row = page[page.index("Papa Café starten") :]
    assert "over de deadline" in row[: row.index("</tr>")]


def test_the_admin_start_page_counts_overdue_actions(client, late):
    page = client.get(reverse("admin:index")).content.decode()
    assert "1 actie van de visie is over de deadline" in page
    assert reverse("vision:goals", args=[late.coalition.slug, late.version]) in page
