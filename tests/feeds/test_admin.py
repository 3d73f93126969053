"""The feeds admin: only a coalition's coordinators reach its feeds; the last pull, problems and review."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ookbalans.catalogue.models import Membership, Service
from ookbalans.feeds import pulling
from ookbalans.feeds.models import Feed
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.feeds.conftest import coalition, fixture_services, subscribe

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def world(feed_server):
    east, west = coalition("oost"), coalition("west")
    url = feed_server.serve_json("/jgz.json", fixture_services())
    feeds = {
        "east": subscribe(east, url, mode=Feed.Mode.REVIEW),
        "west": subscribe(west, url, mode=Feed.Mode.REVIEW),
    }
    users = {
        role: MembershipFactory(coalition=east, role=role).user
        for role in (Role.COORDINATOR, Role.EDITOR, Role.VIEWER)
    }
    users["organisation editor"] = MembershipFactory(
        coalition=east, role=Role.ORGANISATION_EDITOR, organisation=OrganisationFactory(coalition=east)
    ).user
    users["superuser"] = UserFactory(is_superuser=True)
    return {"east": east, "west": west, "feeds": feeds, "users": users}


def urls(feed: Feed) -> list[str]:
    return [
        reverse("admin:feeds_feed_change", args=[feed.pk]),
        reverse("admin:feeds_feed_delete", args=[feed.pk]),
        reverse("admin:feeds_feed_history", args=[feed.pk]),
    ]


@pytest.mark.parametrize(
    "role", [Role.COORDINATOR, Role.EDITOR, Role.VIEWER, "organisation editor", "superuser"]
)
def test_only_the_coalitions_coordinators_reach_its_feeds(client, world, role):
    client.force_login(world["users"][role])
    own, other = world["feeds"]["east"], world["feeds"]["west"]
    listing = client.get(reverse("admin:feeds_feed_changelist"))
    if role in (Role.COORDINATOR, "superuser"):
        assert listing.status_code == 200
        assert own.name in listing.content.decode()
        for url in urls(own):
            assert client.get(url).status_code == 200, url
        assert client.get(reverse("admin:feeds_feed_add")).status_code == 200
    else:
        assert listing.status_code == 403
        for url in urls(own):
            assert client.get(url).status_code in (302, 403), url
        assert client.get(reverse("admin:feeds_feed_add")).status_code == 403
    for url in urls(other):
        expected = (200,) if role == "superuser" else (302, 403)
        assert client.get(url).status_code in expected, url


def test_a_coordinator_adds_a_feed_of_their_own_coalition_only_over_https(client, world, settings):
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = False
    client.force_login(world["users"][Role.COORDINATOR])
    add = reverse("admin:feeds_feed_add")
    data = {
        "coalition": world["east"].pk,
        "name": "GGD",
        "url": "http://ggd.example/services",
        "mode": "review",
        "active": "on",
    }
    response = client.post(add, data)
    assert response.status_code == 200
    assert "alleen https" in response.content.decode()
    response = client.post(
        add, {**data, "coalition": world["west"].pk, "url": "https://ggd.example/hsds/services"}
    )
    assert response.status_code == 200 and not Feed.objects.filter(name="GGD").exists()
    response = client.post(add, {**data, "url": "https://ggd.example/hsds/services"})
    assert response.status_code == 302
    assert Feed.objects.get(name="GGD").source == "ggd.example/hsds/services"


def test_the_change_page_shows_the_last_pull_its_problems_and_the_waiting_changes(client, world, feed_server):
    feed = world["feeds"]["east"]
    pulling.pull(feed)
    client.force_login(world["users"][Role.COORDINATOR])
    page = client.get(reverse("admin:feeds_feed_change", args=[feed.pk])).content.decode()
    assert "Laatste keer met succes opgehaald" in page
    assert "Wachtende wijzigingen" in page or "wachten op beoordeling" in page
    assert "Inloopspreekuur jonge ouders (JGZ Regio IJssel)" in page
    feed.url = feed_server.url("/weg.json")
    feed.save()
    pulling.pull(feed)
    page = client.get(reverse("admin:feeds_feed_change", args=[feed.pk])).content.decode()
    assert "status 404" in page
    listing = client.get(reverse("admin:feeds_feed_changelist")).content.decode()
    assert "wijzigingen wachten op beoordeling" in listing


def test_a_coordinator_approves_the_waiting_changes_of_their_own_feed_only(client, world):
    for feed in world["feeds"].values():
        pulling.pull(feed)
    client.force_login(world["users"][Role.COORDINATOR])
    changelist = reverse("admin:feeds_feed_changelist")
    ids = [str(feed.pk) for feed in world["feeds"].values()]
    response = client.post(changelist, {"action": "approve_pending", "_selected_action": ids}, follow=True)
    assert "gepubliceerd" in response.content.decode()
    assert Service.objects.filter(coalition=world["east"]).count() == 3
    assert not Service.objects.filter(coalition=world["west"]).exists()
    assert Feed.objects.get(pk=world["feeds"]["west"].pk).pending_document is not None


def test_turning_down_and_pulling_now_from_the_list(client, world):
    feed = world["feeds"]["east"]
    pulling.pull(feed)
    client.force_login(world["users"][Role.COORDINATOR])
    changelist = reverse("admin:feeds_feed_changelist")
    response = client.post(
        changelist, {"action": "reject_pending", "_selected_action": [str(feed.pk)]}, follow=True
    )
    assert "afgewezen" in response.content.decode()
    feed.refresh_from_db()
    assert feed.pending_document is None and feed.rejected_digest
    before = DBTaskResult.objects.count()
    response = client.post(
        changelist, {"action": "pull_now", "_selected_action": [str(feed.pk)]}, follow=True
    )
    assert "op de achtergrond opgehaald" in response.content.decode()
    assert DBTaskResult.objects.count() == before + 1


def test_subscribing_is_in_the_audit_trail_and_an_unchanged_pull_is_not(client, world, feed_server):
    from ookbalans.audit.models import Entry

    client.force_login(world["users"][Role.COORDINATOR])
    data = {
        "coalition": world["east"].pk,
        "name": "GGD",
        "url": feed_server.serve_json("/ggd.json", fixture_services()[:1]),
        "mode": "direct",
        "active": "on",
    }
    assert client.post(reverse("admin:feeds_feed_add"), data).status_code == 302
    feed = Feed.objects.get(name="GGD")
    assert Entry.objects.filter(coalition_id=world["east"].pk, object_repr="GGD").count() == 1
    assert pulling.pull(feed).ok
    after_first = Entry.objects.count()
    assert not pulling.pull(feed).changed
    assert Entry.objects.count() == after_first


def test_taking_over_a_feed_without_waiting_changes_does_nothing(client, world):
    client.force_login(world["users"][Role.COORDINATOR])
    feed = world["feeds"]["east"]
    response = client.post(
        reverse("admin:feeds_feed_changelist"),
        {"action": "approve_pending", "_selected_action": [str(feed.pk)]},
        follow=True,
    )
    page = response.content.decode()
    assert "konden niet worden overgenomen" not in page
    assert "de wijzigingen zijn gepubliceerd" not in page
    assert "nog niet opgehaald" in page


def change_form_data(feed: Feed, button: str) -> dict:
    return {
        "coalition": feed.coalition_id,
        "name": feed.name,
        "url": feed.url,
        "mode": feed.mode,
        "active": "on",
        "source": feed.source,
        button: "x",
    }


def test_the_change_page_takes_over_the_waiting_changes_with_its_own_button(client, world):
    feed = world["feeds"]["east"]
    pulling.pull(feed)
    client.force_login(world["users"][Role.COORDINATOR])
    change = reverse("admin:feeds_feed_change", args=[feed.pk])
    page = client.get(change).content.decode()
    assert 'name="_approve_pending"' in page and 'name="_reject_pending"' in page
    assert "wachten op je beoordeling" in page
    response = client.post(change, change_form_data(feed, "_approve_pending"), follow=True)
    assert response.redirect_chain[-1][0] == change
    assert "gepubliceerd" in response.content.decode()
    assert Service.objects.filter(coalition=world["east"]).count() == 3
    feed.refresh_from_db()
    assert feed.pending_document is None
    # Nothing waits any more: no review buttons.
    assert 'name="_approve_pending"' not in client.get(change).content.decode()


def test_the_change_page_turns_down_the_waiting_changes(client, world):
    feed = world["feeds"]["east"]
    pulling.pull(feed)
    client.force_login(world["users"][Role.COORDINATOR])
    change = reverse("admin:feeds_feed_change", args=[feed.pk])
    response = client.post(change, change_form_data(feed, "_reject_pending"), follow=True)
    assert "afgewezen" in response.content.decode()
    feed.refresh_from_db()
    assert feed.pending_document is None and feed.rejected_digest
    assert not Service.objects.filter(coalition=world["east"]).exists()
