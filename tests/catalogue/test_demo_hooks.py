"""The demo hook runs the other apps' loaders in their declared order and sums what they created."""

import json

import pytest
from django.core.management import call_command

from ookbalans.catalogue import demo_hooks


@pytest.fixture
def no_subscribers(monkeypatch):
    monkeypatch.setattr(demo_hooks, "_subscribers", {})


def test_subscribers_run_by_order_not_by_when_they_subscribed(no_subscribers):
    calls = []
    demo_hooks.subscribe("late", lambda: calls.append("late") or {"goal": 2}, order=30)
    demo_hooks.subscribe("early", lambda: calls.append("early") or {"goal": 1, "search": 3}, order=10)
    demo_hooks.subscribe("middle", lambda: calls.append("middle") or {}, order=20)
    assert demo_hooks.load_subscribers() == {"goal": 3, "search": 3}
    assert calls == ["early", "middle", "late"]


def test_subscribing_again_replaces_the_earlier_subscription(no_subscribers):
    demo_hooks.subscribe("app", lambda: {"old": 1}, order=10)
    demo_hooks.subscribe("app", lambda: {"new": 1}, order=10)
    assert demo_hooks.load_subscribers() == {"new": 1}


def test_equal_orders_run_by_name(no_subscribers):
    calls = []
    demo_hooks.subscribe("b", lambda: calls.append("b") or {}, order=10)
    demo_hooks.subscribe("a", lambda: calls.append("a") or {}, order=10)
    demo_hooks.load_subscribers()
    assert calls == ["a", "b"]


@pytest.mark.django_db
def test_the_analysis_demo_snapshot_reads_the_search_demo(capsys):
    from ookbalans.analysis.models import Snapshot
    from ookbalans.search.demo import DEMO_UNMET_SEARCHES

    call_command("load_demo")
    snapshot = Snapshot.objects.get(coalition__slug="voorbeeldregio", created_by="demo")
    assert DEMO_UNMET_SEARCHES[0][0] in json.dumps(snapshot.data)
