"""Each change of the catalogue and the vision is one entry: its actor, coalition and old → new values."""

from datetime import time, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from ookbalans.audit import context
from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import CostOption, Location, Membership, Schedule, Service, ServiceAtLocation
from tests.factories import (
    CoalitionFactory,
    ContactPointFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
    term,
)

pytestmark = pytest.mark.django_db

Action = Entry.Action


def entries_of(obj_or_id):
    """The entries of an object (or of its id: a deleted object's pk is None)."""
    pk = getattr(obj_or_id, "pk", obj_or_id)
    return list(Entry.objects.filter(object_id=str(pk)).order_by("at", "id"))


def test_create_change_deactivate_and_delete_of_a_service_are_each_an_entry():
    user = UserFactory(username="coordinator-a")
    with context.scope(user=user):
        service = ServiceFactory(name_nl="Voorleesochtend", waiting_time_weeks=2)
        service.name_nl, service.waiting_time_weeks = "Voorleesuurtje", 3
        service.save()
        service.status = Service.Status.INACTIVE
        service.save(update_fields=["status", "modified_at"])
        service.status = Service.Status.ACTIVE
        service.save()
        service_id = service.pk
        service.delete()
    created, changed, deactivated, activated, deleted = (
        e for e in Entry.objects.filter(object_id=str(service_id)).order_by("at", "id")
    )
    assert [created.action, changed.action, deactivated.action, activated.action, deleted.action] == [
        Action.CREATED, Action.CHANGED, Action.DEACTIVATED, Action.ACTIVATED, Action.DELETED
    ]  # fmt: skip
    assert created.changes["name_nl"] == [None, "Voorleesochtend"]
    assert created.changes["organization"][1] == str(service.organization)
    assert created.changes["pyramid_levels"] == {"added": [str(term("pyramid_level", "basis"))]}
    assert changed.changes == {"name_nl": ["Voorleesochtend", "Voorleesuurtje"], "waiting_time_weeks": [2, 3]}
    assert deactivated.changes == {"status": ["active", "inactive"]}
    for entry in (created, changed, deactivated, activated, deleted):
        assert (entry.actor, entry.actor_name) == (user, "coordinator-a")
        assert entry.coalition_id == service.coalition_id
        assert entry.coalition_name == service.coalition.name
        assert entry.object_type == "catalogue.service"
    assert (created.object_repr, deleted.object_repr) == ("Voorleesochtend", "Voorleesuurtje")


def test_the_trail_is_kept_when_the_service_and_its_actor_are_gone():
    user = UserFactory(username="weg")
    with context.scope(user=user):
        service = ServiceFactory()
    service_id, user_id = service.pk, user.pk
    service.delete()
    user.delete()
    kept = Entry.objects.filter(object_id=str(service_id))
    assert set(kept.values_list("action", flat=True)) == {Action.CREATED, Action.DELETED}
    assert set(kept.values_list("actor_name", flat=True)) == {"weg", ""}
    assert not Entry.objects.filter(actor_id=user_id).exists()


def test_parts_deleted_with_their_service_are_in_its_entry_not_each_their_own():
    service = ServiceFactory()
    at_location = ServiceAtLocation.objects.create(
        service=service, location=LocationFactory(coalition=service.coalition)
    )
    schedule = Schedule.objects.create(
        service_at_location=at_location, weekday=1, opens_at=time(9), closes_at=time(11, 30)
    )
    option = CostOption.objects.create(service=service, kind=CostOption.Kind.values[0], option="Gratis")
    assert entries_of(schedule)[0].coalition_id == service.coalition_id
    assert entries_of(option)[0].coalition_id == service.coalition_id
    ids = schedule.pk, at_location.pk, option.pk, service.pk
    schedule.delete()  # on its own: an entry
    assert [e.action for e in entries_of(ids[0])] == [Action.CREATED, Action.DELETED]
    service.delete()
    assert [e.action for e in entries_of(ids[1])] == [Action.CREATED]
    assert [e.action for e in entries_of(ids[2])] == [Action.CREATED]
    assert entries_of(ids[3])[-1].action == Action.DELETED


@pytest.mark.parametrize(
    "make",
    [
        lambda c: OrganisationFactory(coalition=c),
        lambda c: LocationFactory(coalition=c),
        lambda c: ContactPointFactory(coalition=c),
        lambda c: MembershipFactory(coalition=c, role=Membership.Role.VIEWER),
    ],
    ids=["organisation", "location", "contact point", "membership"],
)
def test_every_tracked_catalogue_object_has_its_entries(make):
    coalition = CoalitionFactory()
    obj = make(coalition)
    pk = obj.pk
    type(obj).objects.filter(pk=pk).first().delete()
    assert [(e.action, e.coalition_id) for e in entries_of(pk)] == [
        (Action.CREATED, coalition.pk),
        (Action.DELETED, coalition.pk),
    ]


def test_a_location_change_names_the_fields_with_old_and_new_values():
    location = LocationFactory(city="Zutphen")
    location = Location.objects.get(pk=location.pk)
    location.city = "Lochem"
    location.save()
    assert entries_of(location)[-1].changes == {"city": ["Zutphen", "Lochem"]}


def test_terms_changed_in_one_request_join_the_change_of_the_service():
    service = ServiceFactory(waiting_time_weeks=1)
    with context.scope():
        service.waiting_time_weeks = 4
        service.save()
        service.phases.set([term("phase", "zwangerschap")])
    last = entries_of(service)[-1]
    assert last.action == Action.CHANGED
    assert last.changes["waiting_time_weeks"] == [1, 4]
    assert last.changes["phases"] == {
        "removed": [str(term("phase", "baby"))],
        "added": [str(term("phase", "zwangerschap"))],
    }


def test_deleting_a_coalition_keeps_its_name_in_the_trail():
    coalition = CoalitionFactory(name="Kansrijke Start Weg")
    ServiceFactory(coalition=coalition)
    coalition_id = coalition.pk
    coalition.delete()
    deleted = Entry.objects.get(object_id=str(coalition_id), action=Action.DELETED)
    assert (deleted.coalition_id, deleted.coalition_name) == (None, "Kansrijke Start Weg")
    # the cascade is in the coalition's entry; earlier entries stay, without the coalition
    assert Entry.objects.filter(coalition_name="Kansrijke Start Weg", action=Action.DELETED).count() == 1
    assert Entry.objects.filter(coalition_name="Kansrijke Start Weg", coalition__isnull=True).count() > 3


def test_a_change_in_the_admin_names_the_signed_in_user(client):
    membership = MembershipFactory(role=Membership.Role.EDITOR)
    organisation = OrganisationFactory(coalition=membership.coalition, name="Oud")
    client.force_login(membership.user)
    response = client.post(
        reverse("admin:catalogue_organisation_change", args=[organisation.pk]),
        {"coalition": membership.coalition.pk, "name": "Nieuw", "domain": organisation.domain},
    )
    assert response.status_code == 302
    entry = entries_of(organisation)[-1]
    assert (entry.action, entry.actor, entry.changes["name"]) == (
        Action.CHANGED,
        membership.user,
        ["Oud", "Nieuw"],
    )


def test_old_entries_go_only_when_the_operator_says_so(capsys):
    service = ServiceFactory()
    old = entries_of(service)[0]
    Entry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=800))
    recent = Entry.objects.create(action=Action.CHANGED, object_repr="recent")
    with pytest.raises(CommandError):
        call_command("forget_old_audit_entries", months=0)
    call_command("forget_old_audit_entries", months=24)
    assert not Entry.objects.filter(pk=old.pk).exists()
    assert Entry.objects.filter(pk=recent.pk).exists()
    assert "Deleted 1 audit entries" in capsys.readouterr().out
