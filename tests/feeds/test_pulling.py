"""Pulling a feed from a local server: imported once, unchanged on a second pull, one copy per coalition."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Location, Organisation, Service
from ookbalans.feeds import outside_ids, pulling
from ookbalans.feeds.models import Feed, OutsideIdentifier
from tests.feeds.conftest import coalition, fixture_services, subscribe

pytestmark = pytest.mark.django_db

NAMES = {item["name"] for item in fixture_services()}


def services_of(target) -> set[str]:
    return set(Service.objects.filter(coalition=target).values_list("name_nl", flat=True))


def test_a_pulled_feed_is_imported_with_ids_of_the_coalitions_own(feed_server):
    target = coalition("oost")
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()))
    result = pulling.pull(feed)
    assert result.ok, [str(p) for p in result.problems.errors]
    assert services_of(target) == NAMES
    assert result.created["services"] == 3 and result.created["organisations"] == 1
    local = outside_ids.derived_id(target.pk, feed.source, "service", "dienst-1")
    assert Service.objects.get(pk=local).coalition == target
    assert OutsideIdentifier.objects.get(
        coalition=target, kind="service", outside_id="dienst-1"
    ).local_id.hex == (local.replace("-", ""))
    feed.refresh_from_db()
    assert feed.last_success_at == feed.last_pull_at
    assert feed.last_changes["created"]["services"] == 3
    assert feed.last_problems["error_count"] == 0
    # One audit entry for the whole pull, naming the feed.
    entry = Entry.objects.get(coalition_id=target.pk, action="imported")
    assert "JGZ Regio IJssel" in entry.object_repr


def test_pulling_twice_without_changes_changes_nothing(feed_server):
    target = coalition("oost")
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()))
    assert pulling.pull(feed).ok
    before = {
        "services": list(Service.objects.filter(coalition=target).values_list("id", "modified_at")),
        "entries": Entry.objects.count(),
        "ids": OutsideIdentifier.objects.count(),
    }
    with CaptureQueriesContext(connection) as queries:
        result = pulling.pull(feed)
    assert result.ok and not result.changed
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    # The only write is the feed's own "last pulled" fields.
    assert len(writes) == 1 and "feeds_feed" in writes[0], writes
    assert (
        list(Service.objects.filter(coalition=target).values_list("id", "modified_at")) == before["services"]
    )
    assert Entry.objects.count() == before["entries"]
    assert OutsideIdentifier.objects.count() == before["ids"]


def test_a_change_at_the_source_updates_the_copy(feed_server):
    target = coalition("oost")
    items = fixture_services()
    url = feed_server.serve_json("/jgz.json", items)
    feed = subscribe(target, url)
    assert pulling.pull(feed).ok
    items[0]["description"] = "Nieuwe tekst van de bron."
    feed_server.serve_json("/jgz.json", items)
    result = pulling.pull(feed)
    assert result.updated == {"services": 1}
    local = outside_ids.derived_id(target.pk, feed.source, "service", items[0]["id"])
    assert Service.objects.get(pk=local).description == "Nieuwe tekst van de bron."


def test_one_feed_in_two_coalitions_gives_two_independent_copies(feed_server):
    url = feed_server.serve_json("/jgz.json", fixture_services())
    east, west = coalition("oost"), coalition("west")
    east_feed, west_feed = subscribe(east, url), subscribe(west, url)
    assert pulling.pull(east_feed).ok
    assert pulling.pull(west_feed).ok, [str(p) for p in pulling.pull(west_feed).problems.errors]
    assert services_of(east) == services_of(west) == NAMES
    east_ids = set(Service.objects.filter(coalition=east).values_list("id", flat=True))
    west_ids = set(Service.objects.filter(coalition=west).values_list("id", flat=True))
    assert not east_ids & west_ids
    for model in (Organisation, Location):
        assert not set(model.objects.filter(coalition=east).values_list("id", flat=True)) & set(
            model.objects.filter(coalition=west).values_list("id", flat=True)
        )
    # Editing one copy leaves the other alone, and the next pull of the other changes nothing.
    edited = Service.objects.filter(coalition=east).order_by("name_nl").first()
    edited.description = "Aangepast door de coördinator van oost."
    edited.save()
    twin = Service.objects.get(coalition=west, name_nl=edited.name_nl)
    assert twin.description != edited.description
    assert not pulling.pull(west_feed).changed
    # The next pull of the edited coalition brings the source's text back (the feed is the source).
    assert pulling.pull(east_feed).updated == {"services": 1}


def test_an_api_feed_is_read_page_by_page(feed_server):
    target = coalition("oost")
    url = feed_server.serve_pages("/hsds/services", fixture_services(), per_page=2)
    feed = subscribe(target, url)
    result = pulling.pull(feed)
    assert result.ok and services_of(target) == NAMES
    asked = [path for path in feed_server.requests if path.startswith("/hsds/services")]
    assert len(asked) == 2 and all("full=true" in path for path in asked)
    assert "page=2" in asked[1]


def test_review_mode_shows_nothing_to_parents_until_approved(feed_server, client, admin_user):
    target = coalition("oost")
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()), mode=Feed.Mode.REVIEW)
    result = pulling.pull(feed)
    assert result.ok and result.pending
    assert not Service.objects.filter(coalition=target).exists()
    local = outside_ids.derived_id(target.pk, feed.source, "service", "dienst-1")
    assert client.get(f"/{target.slug}/aanbod/{local}/").status_code == 404
    assert client.get(f"/api/hsds/services/{local}").status_code == 404
    feed.refresh_from_db()
    assert feed.pending_changes["created"]["services"] == 3 and feed.pending_since
    # Pulled again unchanged: still the same changes waiting, nothing published.
    assert pulling.pull(feed).pending
    assert not Service.objects.filter(coalition=target).exists()
    feed.refresh_from_db()
    approved = pulling.approve(feed, admin_user)
    assert approved.ok and services_of(target) == NAMES
    assert client.get(f"/{target.slug}/aanbod/{local}/").status_code == 200
    assert client.get(f"/api/hsds/services/{local}").status_code == 200
    feed.refresh_from_db()
    assert feed.pending_document is None
    assert not pulling.pull(feed).pending  # the catalogue holds what the feed says now


def test_turned_down_changes_are_not_proposed_again(feed_server):
    target = coalition("oost")
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()), mode=Feed.Mode.REVIEW)
    assert pulling.pull(feed).pending
    feed.refresh_from_db()
    pulling.reject(feed)
    result = pulling.pull(feed)
    assert result.rejected and not result.pending
    feed.refresh_from_db()
    assert feed.pending_document is None


def test_a_feed_with_problems_changes_nothing_and_says_why(feed_server):
    target = coalition("oost")
    items = fixture_services()
    items[1]["status"] = "misschien"
    feed = subscribe(target, feed_server.serve_json("/jgz.json", items))
    result = pulling.pull(feed)
    assert not result.ok
    assert not Service.objects.filter(coalition=target).exists()
    feed.refresh_from_db()
    assert feed.last_success_at is None and feed.last_pull_at
    assert feed.last_problems["error_count"] >= 1
    assert any("status" in text for text in feed.last_problems["errors"])


def test_services_gone_from_the_feed_stay_and_are_reported(feed_server):
    target = coalition("oost")
    items = fixture_services()
    feed = subscribe(target, feed_server.serve_json("/jgz.json", items))
    assert pulling.pull(feed).ok
    feed_server.serve_json("/jgz.json", items[1:])
    result = pulling.pull(feed)
    assert result.ok and result.gone == 1
    assert services_of(target) == NAMES
    assert any("niet meer" in str(p) for p in result.problems.warnings)


def test_the_command_pulls_every_active_feed_and_fails_on_a_refused_one(feed_server, capsys):
    east, west = coalition("oost"), coalition("west")
    subscribe(east, feed_server.serve_json("/jgz.json", fixture_services()))
    subscribe(west, feed_server.url("/bestaat-niet.json"))
    call_command("feeds", "pull", "--coalition", "oost")
    assert "oost/JGZ Regio IJssel" in capsys.readouterr().out
    with pytest.raises(CommandError, match="1 feed"):
        call_command("feeds", "pull")
    assert "404" in capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command("feeds", "pull", "--coalition", "bestaat-niet")


def test_the_worker_runs_the_queued_pull(feed_server):
    from tests.interchange.test_jobs import run_worker

    target = coalition("oost")
    subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()))
    call_command("feeds", "pull", "--in-worker")
    assert not Service.objects.filter(coalition=target).exists()
    assert run_worker() == 1
    assert services_of(target) == NAMES
