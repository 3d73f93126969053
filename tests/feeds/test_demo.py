"""The demo's feed: subscribed and pulled at load through the real pull code, served by the demo itself."""

import json

import pytest

from ookbalans.catalogue.models import Coalition, Service
from ookbalans.feeds import demo, demo_feed, pulling
from ookbalans.feeds.models import Feed
from tests.feeds.conftest import coalition, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_coalition(shared_demo):
    return Coalition.objects.get(slug="voorbeeldregio")


def test_the_demo_subscribes_to_its_feed_and_pulls_it_for_review(demo_coalition):
    assert demo.load_demo() == {"feed": 1}
    feed = Feed.objects.get(coalition=demo_coalition, name=demo.NAME)
    assert feed.mode == Feed.Mode.REVIEW and feed.url == "http://127.0.0.1:8000" + demo_feed.PATH
    assert feed.last_success_at and feed.pending_document
    assert feed.pending_changes["created"]["services"] == 3
    ours = Service.objects.filter(coalition=demo_coalition, name_nl__contains="JGZ Regio IJssel")
    assert not ours.exists()
    assert demo.load_demo() == {}  # loading again changes nothing
    # Approved, the changes reach the parents' finder.
    assert pulling.approve(feed, None).ok
    assert ours.count() == 3


def test_the_demo_server_serves_its_feed_only_in_the_demo(client, settings):
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = False
    assert client.get(demo_feed.PATH).status_code == 404
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = True
    first = json.loads(client.get(demo_feed.PATH + "?full=true").content)
    second = json.loads(client.get(demo_feed.PATH + "?page=2&full=true").content)
    assert first["total_items"] == 3 and first["total_pages"] == 2
    assert [len(first["contents"]), len(second["contents"])] == [2, 1]


def test_the_hsds_api_of_another_ookbalans_is_a_feed(demo_coalition, client, feed_server):
    """The demo coalition's own HSDS API (every page, full services) pulled into another coalition."""
    items, page = [], 1
    while True:
        answer = client.get(f"/api/hsds/voorbeeldregio/services?full=true&per_page=50&page={page}").json()
        items += answer["contents"]
        if page >= answer["total_pages"]:
            break
        page += 1
    target = coalition("kopie")
    feed = subscribe(target, feed_server.serve_pages("/api/hsds/voorbeeldregio/services", items, per_page=50))
    result = pulling.pull(feed)
    assert result.ok, [str(p) for p in result.problems.errors[:5]]
    # The API publishes the active services.
    published = Service.objects.filter(coalition=demo_coalition, status="active")
    names = set(published.values_list("name_nl", flat=True))
    assert set(Service.objects.filter(coalition=target).values_list("name_nl", flat=True)) == names
    assert not pulling.pull(feed).changed
