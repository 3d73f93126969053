"""The Logboek in the admin: read-only, each coordinator seeing only their own coalitions' entries."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ookbalans.audit import context
from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:audit_entry_changelist")


@pytest.fixture
def two_coalitions():
    """Coalition A and B, each with a coordinator and a service whose name changed once."""
    world = {}
    for key in ("a", "b"):
        membership = MembershipFactory(role=Membership.Role.COORDINATOR)
        with context.scope(user=membership.user):
            service = ServiceFactory(coalition=membership.coalition, name_nl=f"Dienst van {key.upper()}")
            service.name_nl = f"Nieuwe dienst van {key.upper()}"
            service.save()
        world[key] = {
            "coalition": membership.coalition,
            "user": membership.user,
            "entry": Entry.objects.filter(object_id=str(service.pk), action=Entry.Action.CHANGED).get(),
        }
    return world


def detail(entry):
    return reverse("admin:audit_entry_change", args=[entry.pk])


def test_a_coordinator_sees_only_the_entries_of_their_own_coalition(client, two_coalitions):
    a, b = two_coalitions["a"], two_coalitions["b"]
    client.force_login(a["user"])
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    shown = set(response.context["cl"].result_list)
    assert a["entry"] in shown and b["entry"] not in shown
    assert {e.coalition_id for e in Entry.objects.filter(pk__in=[e.pk for e in shown])} == {a["coalition"].pk}
    assert "Nieuwe dienst van A" in response.content.decode()
    assert "Dienst van B" not in response.content.decode()
    page = client.get(detail(a["entry"]))
    assert page.status_code == 200
    assert "Dienst van A" in page.content.decode() and "Nieuwe dienst van A" in page.content.decode()
    assert client.get(detail(b["entry"])).status_code == 403
    # searching or filtering does not reach the other coalition either
    found = client.get(CHANGELIST, {"q": "van B"})
    assert list(found.context["cl"].result_list) == []
    filtered = client.get(CHANGELIST, {"coalition__id__exact": str(b["coalition"].pk)})
    assert b["entry"] not in set(filtered.context["cl"].result_list)


def test_editors_and_viewers_do_not_read_the_trail(client, two_coalitions):
    for role in (Membership.Role.EDITOR, Membership.Role.VIEWER):
        user = MembershipFactory(coalition=two_coalitions["a"]["coalition"], role=role).user
        client.force_login(user)
        assert client.get(CHANGELIST).status_code == 403
        assert client.get(detail(two_coalitions["a"]["entry"])).status_code == 403


def test_a_superuser_sees_every_coalition(client, two_coalitions):
    client.force_login(UserFactory(is_superuser=True))
    shown = set(client.get(CHANGELIST).context["cl"].result_list)
    assert {two_coalitions["a"]["entry"], two_coalitions["b"]["entry"]} <= shown


def test_entries_cannot_be_added_changed_or_deleted_in_the_admin(client, two_coalitions):
    entry = two_coalitions["a"]["entry"]
    for user in (two_coalitions["a"]["user"], UserFactory(is_superuser=True)):
        client.force_login(user)
        assert client.get(reverse("admin:audit_entry_add")).status_code == 403
        assert client.get(reverse("admin:audit_entry_delete", args=[entry.pk])).status_code == 403
        assert client.post(detail(entry), {"object_repr": "anders"}).status_code == 403
        response = client.post(
            CHANGELIST, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
        )
        assert response.status_code in (200, 302)
        entry.refresh_from_db()
        assert entry.object_repr != "anders"
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_the_filters_narrow_the_list(client, two_coalitions):
    a = two_coalitions["a"]
    OrganisationFactory(coalition=a["coalition"], name="Buurtteam")
    client.force_login(a["user"])
    for params, expected in (
        ({"object_type": "catalogue.organisation"}, {Entry.Action.CREATED}),
        ({"action__exact": "changed"}, {Entry.Action.CHANGED}),
        ({"actor__id__exact": a["user"].pk}, {Entry.Action.CREATED, Entry.Action.CHANGED}),
    ):
        response = client.get(CHANGELIST, params)
        assert response.status_code == 200, params
        assert {e.action for e in response.context["cl"].result_list} == expected, params
    today = timezone.localtime(a["entry"].at)  # the admin's date filter works in the site's time zone
    response = client.get(
        CHANGELIST, {"at__year": today.year, "at__month": today.month, "at__day": today.day}
    )
    assert a["entry"] in set(response.context["cl"].result_list)


def test_the_trail_survives_the_service_being_deleted_in_the_admin(client, two_coalitions):
    a = two_coalitions["a"]
    service_id = a["entry"].object_id
    client.force_login(a["user"])
    response = client.post(reverse("admin:catalogue_service_delete", args=[service_id]), {"post": "yes"})
    assert response.status_code == 302
    actions = set(Entry.objects.filter(object_id=service_id).values_list("action", flat=True))
    assert actions == {Entry.Action.CREATED, Entry.Action.CHANGED, Entry.Action.DELETED}
    deleted = Entry.objects.get(object_id=service_id, action=Entry.Action.DELETED)
    assert (deleted.actor, deleted.coalition_id) == (a["user"], a["coalition"].pk)
    assert client.get(detail(a["entry"])).status_code == 200
