"""Helpers for the vision tests: a coalition with members of each role and a vision in it."""

import datetime

from ookbalans.catalogue.models import Membership, Municipality
from ookbalans.framework.models import Statement, Term
from ookbalans.vision import workflow
from ookbalans.vision.models import Action, Goal
from tests.factories import CoalitionFactory, MembershipFactory, OrganisationFactory, ServiceFactory


def coalition_with_members():
    coalition = CoalitionFactory()
    coalition.municipalities.set([Municipality.objects.get(code="GM0301")])
    members = {
        role: MembershipFactory(coalition=coalition, role=role).user
        for role in (Membership.Role.COORDINATOR, Membership.Role.EDITOR, Membership.Role.VIEWER)
    }
    return coalition, members


def make_vision(coalition, user=None, **values):
    values = {"title": "Samen sterk", "period_start": 2026, "period_end": 2029, **values}
    return workflow.create_vision(coalition, user, **values)


def statement(section="ouderschap", number=1):
    return Statement.objects.get(edition__code="1", section=section, number=number)


def add_goal_with_action(vision, title="Meer vaders bereikt"):
    goal = Goal.objects.create(
        vision=vision,
        title=title,
        indicator="Aandeel vaders op het consultatiebureau",
        target_value="60%",
        target_date=datetime.date(2027, 12, 31),
    )
    goal.aims.set([Term.objects.get(taxonomy="aim", code="competent_ouderschap")])
    goal.pyramid_levels.set([Term.objects.get(taxonomy="pyramid_level", code="basis")])
    organisation = OrganisationFactory(coalition=vision.coalition, name="JGZ Testregio")
    action = Action.objects.create(
        vision=vision,
        goal=goal,
        title="Papa Café starten",
        organisation=organisation,
        deadline=datetime.date(2026, 9, 1),
    )
    action.services.set(
        [ServiceFactory(coalition=vision.coalition, organization=organisation, name_nl="Papa Café")]
    )
    return goal, action
