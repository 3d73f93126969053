"""The demo coalition: realistic enough to show every part, and loading it twice changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count

from ookbalans.catalogue.demo import DEMO_USERNAME, load_demo, remove_demo
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    CostOption,
    Location,
    Membership,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework import codes

pytestmark = pytest.mark.django_db

MODELS = [
    Coalition,
    Organisation,
    Location,
    Service,
    CostOption,
    ServiceAtLocation,
    Schedule,
    ContactPoint,
    Membership,
]


@pytest.fixture
def demo(shared_demo):
    """The demo coalition, loaded once for the module; each test's changes are rolled back."""
    return Coalition.objects.get(slug="voorbeeldregio")


def snapshot():
    return {model.__name__: sorted(map(str, model.objects.values_list("pk", flat=True))) for model in MODELS}


def test_demo_coalition_spans_two_real_municipalities_and_is_marked(demo):
    assert demo.name == "Kansrijke Start Voorbeeldregio"
    assert demo.is_demo
    assert sorted(demo.municipalities.values_list("name", flat=True)) == ["Lochem", "Zutphen"]


def test_demo_has_sixty_services_over_all_levels_and_phases(demo):
    services = Service.objects.filter(coalition=demo)
    assert services.count() >= 60
    for level in codes.PYRAMID_LEVELS.codes():
        assert services.filter(pyramid_levels__code=level).count() >= 5, level
    for phase in ["kinderwens", "zwangerschap", "geboorte", "baby", "dreumes", "peuter"]:
        assert services.filter(phases__code=phase).count() >= 3, phase


def test_demo_comes_from_every_kind_of_provider(demo):
    domains = set(Organisation.objects.filter(coalition=demo).values_list("domain", flat=True))
    assert domains == set(codes.DOMAINS.codes())


def test_demo_links_services_to_national_interventions(demo):
    linked = Service.objects.filter(coalition=demo, national_intervention__isnull=False)
    assert linked.count() >= 10
    assert {s.recognition_level for s in linked} - {""}  # levels come from the data, some recognised


def test_demo_locations_lie_in_the_coalitions_municipalities(demo):
    locations = Location.objects.filter(coalition=demo)
    assert locations.count() >= 10
    municipalities = set(demo.municipalities.values_list("code", flat=True))
    for location in locations:
        assert location.municipality_id in municipalities, location
        assert location.latitude is not None


def test_demo_has_a_contact_point_for_every_phase_of_the_first_1000_days(demo):
    phases = set(ContactPoint.objects.filter(coalition=demo).values_list("phase__code", flat=True))
    assert {"kinderwens", "zwangerschap", "geboorte", "baby", "dreumes", "peuter"} <= phases


def test_every_demo_service_obeys_the_models_rules(demo):
    for service in Service.objects.filter(coalition=demo).annotate(levels=Count("pyramid_levels")):
        service.full_clean()
        assert service.levels >= 1
        assert len(service.short_description_nl) <= 300


def test_demo_coordinator_can_log_in_and_sees_the_services(client, demo):
    assert client.login(username=DEMO_USERNAME, password="voorbeeldregio")
    response = client.get("/admin/catalogue/service/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == Service.objects.filter(coalition=demo).count()


def test_loading_the_demo_twice_changes_and_duplicates_nothing(demo):
    before = snapshot()
    modified = dict(Service.objects.values_list("pk", "modified_at"))
    report = load_demo()
    assert report.created == {}
    assert not report.user_created
    assert snapshot() == before
    assert dict(Service.objects.values_list("pk", "modified_at")) == modified


def test_load_demo_command_twice_and_reset(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    assert "Loaded the demo coalition" in first
    assert "username: coordinator" in first
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    count = Service.objects.count()
    call_command("load_demo", "--reset")
    assert Service.objects.count() == count
    assert Coalition.objects.filter(slug="voorbeeldregio").count() == 1


def test_removing_the_demo_leaves_other_coalitions_alone(demo):
    from tests.factories import ServiceFactory

    other = ServiceFactory()
    assert remove_demo()
    assert not Coalition.objects.filter(slug="voorbeeldregio").exists()
    assert Service.objects.get() == other
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()


def test_load_demo_also_runs_every_other_apps_demo(monkeypatch, capsys):
    from ookbalans.catalogue import demo_hooks

    calls = []

    def vision_demo():
        calls.append("vision")
        return {"vision": 1} if len(calls) == 1 else {}

    monkeypatch.setattr(demo_hooks, "_subscribers", {})
    demo_hooks.subscribe("ookbalans.vision", vision_demo, order=30)
    call_command("load_demo")
    assert "1 vision(s)" in capsys.readouterr().out
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert calls == ["vision", "vision"]


def test_the_apps_with_a_demo_subscribe_to_the_hook_in_the_order_they_read_each_other():
    from ookbalans.catalogue import demo_hooks

    subscribers = demo_hooks.subscribers()
    names = [subscriber.name for subscriber in subscribers]
    # The analysis' earlier snapshot reads the searches without results that search's demo adds;
    # the accounts' organisation editors and their proposal follow; then the feed (read by none) and
    # the reminders, which mail those editors.
    assert names == [
        "ookbalans.search",
        "ookbalans.analysis",
        "ookbalans.vision",
        "ookbalans.accounts",
        "ookbalans.feeds",
        "ookbalans.reminders",
    ]
    assert all(subscriber.load.__module__ == f"{subscriber.name}.demo" for subscriber in subscribers)
