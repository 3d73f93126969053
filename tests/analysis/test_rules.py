"""The analysis rules on small hand-built catalogues: each rule fires where it should, and only there."""

import datetime

import pytest

from ookbalans.analysis.catalogue_data import AreaData, CatalogueData, CostData, LocationData, ServiceData
from ookbalans.analysis.rules import LEVELS, PHASES, Thresholds, analyse, compare
from ookbalans.analysis.rules.demand import unmet_demand
from ookbalans.analysis.rules.freshness import months_before
from ookbalans.analysis.rules.matrix import coverage_matrix
from ookbalans.catalogue.geo import distance_km

TODAY = datetime.date(2026, 11, 28)
ZUTPHEN = LocationData("7201", 52.138, 6.201, "GM0301")
ALL_AIMS = (
    "problemen_verminderen",
    "competent_ouderschap",
    "begeleiding_steun_hulp",
    "informele_steun",
    "onderlinge_steun",
)


def service(id, levels=("basis",), phases=("baby",), **kwargs):
    """A service that meets every condition unless told otherwise."""
    values = {
        "name": f"Dienst {id}",
        "aims": ALL_AIMS,
        "factors": (),
        "components": (),
        "target_groups": ("ouders", "vaders", "gezinnen_kwetsbaar"),
        "languages": ("nl", "en"),
        "costs": (CostData("free"),),
        "home_visits": True,
        "online": True,
        "culture_sensitive": True,
        "frequency": "weekly",
        "recognition_level": "goed_onderbouwd",
        "last_checked_on": TODAY,
        "locations": (ZUTPHEN,),
    }
    values.update(kwargs)
    return ServiceData(id=str(id), levels=tuple(levels), phases=tuple(phases), **values)


def catalogue(*services, areas=(), municipalities=None, unmet=()):
    return CatalogueData(
        slug="test",
        name="Test",
        today=TODAY,
        services=tuple(services),
        areas=tuple(areas),
        municipalities=municipalities if municipalities is not None else {"GM0301": "Zutphen"},
        unmet_searches=tuple(unmet),
    )


def full_cover(**kwargs):
    """Two services in every cell, all factors and components: nothing is missing."""
    everything = {
        "factors": (
            "partnerschap",
            "werk_gezin",
            "sociale_contacten",
            "financien",
            "vaardigheden",
            "eigen_jeugd",
            "verwachtingen",
            "alleenstaand",
            "temperament",
            "gezondheid_kind",
            "positie_gezin",
            "ontwikkeling",
        ),
        "components": ("verzorging_bescherming", "structuur", "kennis_waarden"),
    }
    everything.update(kwargs)
    return [
        service(f"{level}-{n}", levels=(level,), phases=PHASES, **everything)
        for level in LEVELS
        for n in (1, 2)
    ]


def codes_of(analysis):
    return sorted(f.key for f in analysis.findings)


def test_a_complete_catalogue_gives_no_findings():
    assert codes_of(analyse(catalogue(*full_cover()))) == []


def test_matrix_counts_cell_by_cell():
    services = [
        service("a", levels=("basis",), phases=("baby", "dreumes")),
        service("b", levels=("basis", "informatie"), phases=("baby",), recognition_level="niet_beoordeeld"),
        service("c", levels=("extra",), phases=("zwangerschap",), recognition_level=""),
        service("d", levels=("extra",), phases=("zwangerschap",), status="inactive"),
    ]
    matrix = coverage_matrix(services, Thresholds())
    expected = {
        ("basis", "baby"): (2, 1),
        ("basis", "dreumes"): (1, 1),
        ("informatie", "baby"): (1, 0),
        ("extra", "zwangerschap"): (1, 0),
    }
    for level in LEVELS:
        for phase in PHASES:
            cell = matrix[level][phase]
            count, recognised = expected.get((level, phase), (0, 0))
            assert (cell.services, cell.recognised) == (count, recognised), (level, phase)
            assert cell.state == ("empty" if count == 0 else "thin" if count < 2 else "ok")
    assert matrix["basis"]["baby"].service_ids == ("a", "b")


def test_empty_cell_fires_with_high_severity_in_the_first_1000_days():
    services = [s for s in full_cover() if not s.id.startswith("basis")]
    services += [service("basis-x", levels=("basis",), phases=PHASES[1:]) for _ in range(1)]
    services += [service("basis-y", levels=("basis",), phases=PHASES[1:])]
    findings = {f.key: f for f in analyse(catalogue(*services)).findings}
    assert set(findings) == {"matrix.empty_cell:basis:kinderwens"}
    assert findings["matrix.empty_cell:basis:kinderwens"].severity == "high"
    assert "Basis" in findings["matrix.empty_cell:basis:kinderwens"].message


def test_thin_cell_fires_below_the_threshold_and_lists_its_services():
    services = full_cover()
    analysis = analyse(catalogue(*services), Thresholds(thin_cell_below=3))
    thin = [f for f in analysis.findings if f.code == "matrix.thin_cell"]
    assert len(thin) == 4 * 6  # the four levels in the six phases a coalition works on by default
    every_phase = analyse(catalogue(*services), Thresholds(thin_cell_below=3, phases=PHASES))
    assert len([f for f in every_phase.findings if f.code == "matrix.thin_cell"]) == 4 * 8
    assert thin[0].key == "matrix.thin_cell:basis:kinderwens" and thin[0].service_ids == (
        "basis-1",
        "basis-2",
    )
    assert not list(analyse(catalogue(*services), Thresholds(thin_cell_below=2)).findings)


def test_aim_missing_at_a_level():
    services = full_cover()
    services = [
        s
        if not s.id.startswith("extra")
        else service(
            s.id,
            levels=("extra",),
            phases=PHASES,
            factors=s.factors,
            components=s.components,
            aims=ALL_AIMS[:4],
        )
        for s in services
    ]
    assert codes_of(analyse(catalogue(*services))) == ["aims.missing_at_level:extra:onderlinge_steun"]


def test_uncovered_factor_and_component():
    services = full_cover(factors=("partnerschap",), components=("structuur",))
    keys = codes_of(analyse(catalogue(*services)))
    assert "factors.uncovered:financien" in keys and "factors.uncovered:partnerschap" not in keys
    assert len([k for k in keys if k.startswith("factors.")]) == 11
    assert [k for k in keys if k.startswith("components.")] == [
        "components.uncovered:kennis_waarden",
        "components.uncovered:verzorging_bescherming",
    ]


def test_few_services_for_fathers():
    services = full_cover(target_groups=("moeders", "gezinnen_kwetsbaar"))
    services[0] = service(
        "dad",
        levels=("basis",),
        phases=PHASES,
        factors=services[0].factors,
        components=services[0].components,
        target_groups=("partners",),
    )
    analysis = analyse(catalogue(*services), Thresholds(min_access_share_secondary=0))
    fathers = [f for f in analysis.findings if f.code == "fathers.few_services"]
    assert len(fathers) == 1 and fathers[0].service_ids == ("dad",) and fathers[0].numbers["services"] == 1
    assert not list(
        analyse(
            catalogue(*services), Thresholds(min_father_services=1, min_access_share_secondary=0)
        ).findings
    )


def test_few_services_for_vulnerable_families():
    services = full_cover(target_groups=("ouders", "vaders"))
    keys = codes_of(analyse(catalogue(*services)))
    assert keys == ["vulnerable.few_services"]
    assert codes_of(analyse(catalogue(*services), Thresholds(min_vulnerable_services=0))) == []


@pytest.mark.parametrize(
    ("condition_code", "change"),
    [
        ("access.not_affordable", {"costs": (CostData("amount", 25.0),)}),
        ("access.not_available", {"waiting_time_weeks": 12}),
        ("access.not_understandable", {"languages": ("nl",)}),
        ("access.not_close", {"home_visits": False, "locations": ()}),
        ("access.not_frequent", {"frequency": "once"}),
        ("access.not_culture_sensitive", {"culture_sensitive": False}),
        ("access.stigmatising", {"access": "referral"}),
        ("access.not_digital", {"online": False}),
        ("access.not_outreaching", {"home_visits": False}),
        ("access.not_reaching_fathers", {"target_groups": ("moeders", "gezinnen_kwetsbaar")}),
    ],
)
def test_each_accessibility_condition_fires_per_level(condition_code, change):
    services = full_cover()
    services = [
        s
        if not s.id.startswith("basis")
        else service(
            s.id, levels=("basis",), phases=PHASES, factors=s.factors, components=s.components, **change
        )
        for s in services
    ]
    keys = codes_of(analyse(catalogue(*services)))
    assert f"{condition_code}:basis" in keys
    assert not [k for k in keys if k.startswith("access.") and not k.endswith(":basis")]


def test_cheap_amount_counts_as_affordable_and_referral_is_fine_at_extra():
    services = full_cover()
    services = [
        service(
            s.id,
            levels=s.levels,
            phases=PHASES,
            factors=s.factors,
            components=s.components,
            costs=(CostData("amount", 5.0),),
            access="referral" if "extra" in s.levels else "open",
        )
        for s in services
    ]
    assert codes_of(analyse(catalogue(*services))) == []


def test_only_dutch_at_a_level():
    services = [
        service(
            s.id,
            levels=s.levels,
            phases=PHASES,
            factors=s.factors,
            components=s.components,
            languages=("nl",) if "informatie" in s.levels else ("nl", "ar"),
        )
        for s in full_cover()
    ]
    keys = codes_of(analyse(catalogue(*services), Thresholds(min_access_share=0)))
    assert keys == ["languages.only_dutch:informatie"]


def test_geography_far_areas_per_municipality():
    near = AreaData("7201", "Zutphen", "GM0301", 52.14, 6.20)
    far = AreaData("7245", "Laren", "GM0262", 52.20, 6.37)  # about 13 km from Zutphen
    municipalities = {"GM0301": "Zutphen", "GM0262": "Lochem"}
    services = full_cover()
    analysis = analyse(catalogue(*services, areas=(near, far), municipalities=municipalities))
    keys = codes_of(analysis)
    assert keys == ["geo.basis_far:GM0262", "geo.informatie_far:GM0262"]
    finding = next(f for f in analysis.findings if f.key == "geo.basis_far:GM0262")
    assert "Lochem" in finding.message and "7245" in finding.message
    assert (
        codes_of(
            analyse(
                catalogue(*services, areas=(near, far), municipalities=municipalities),
                Thresholds(max_distance_km=20),
            )
        )
        == []
    )


def test_haversine_between_zutphen_and_lochem():
    assert distance_km(52.138, 6.201, 52.159, 6.413) == pytest.approx(14.6, abs=0.3)
    assert distance_km(52.0, 6.0, 52.0, 6.0) == 0


def test_low_evidence_share_at_the_upper_levels_only():
    services = [
        service(
            s.id,
            levels=s.levels,
            phases=PHASES,
            factors=s.factors,
            components=s.components,
            recognition_level="niet_beoordeeld" if s.levels[0] in ("basis", "steuntje") else "",
        )
        for s in full_cover()
    ]
    analysis = analyse(catalogue(*services))
    assert codes_of(analysis) == ["evidence.low_share:extra", "evidence.low_share:steuntje"]
    assert analysis.indicators["evidence_per_level"]["basis"] == {"recognised": 0, "total": 2, "share": 0.0}


def test_stale_services():
    services = full_cover()
    services[0] = service(
        "old",
        levels=("basis",),
        phases=PHASES,
        factors=services[0].factors,
        components=services[0].components,
        last_checked_on=datetime.date(2025, 11, 27),
    )
    services[1] = service(
        "never",
        levels=("basis",),
        phases=PHASES,
        factors=services[0].factors,
        components=services[0].components,
        last_checked_on=None,
    )
    analysis = analyse(catalogue(*services))
    stale = [f for f in analysis.findings if f.code == "freshness.stale"]
    assert len(stale) == 1 and set(stale[0].service_ids) == {"old", "never"}
    fresh = [
        service(
            s.id,
            levels=s.levels,
            phases=PHASES,
            factors=s.factors,
            components=s.components,
            last_checked_on=datetime.date(2025, 11, 28),
        )
        for s in full_cover()
    ]
    assert codes_of(analyse(catalogue(*fresh))) == []


def test_months_before_handles_month_ends():
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 11, 28), 12) == datetime.date(2025, 11, 28)


def test_unmet_searches_are_normalised_and_filtered():
    searches = [("Slaapproblemen", 2), ("slaapproblemen ", 2), ("tweeling", 1), ("huilbaby", 5)]
    assert unmet_demand(searches, Thresholds()) == [("huilbaby", 5), ("slaapproblemen", 4)]
    analysis = analyse(catalogue(*full_cover(), unmet=searches))
    assert codes_of(analysis) == ["demand.unmet_searches"]
    assert "huilbaby" in analysis.findings[0].message
    assert codes_of(analyse(catalogue(*full_cover(), unmet=[("tweeling", 2)]))) == []


def test_inactive_services_do_not_count():
    services = full_cover(status="inactive")
    analysis = analyse(catalogue(*services))
    assert analysis.indicators["services"] == {"active": 0, "inactive": 8}
    assert len([f for f in analysis.findings if f.code == "matrix.empty_cell"]) == 4 * 6  # default phases


def test_compare_finds_filled_cells_and_resolved_and_new_findings():
    earlier = analyse(catalogue(*[s for s in full_cover() if not s.id.startswith("basis")])).to_json()
    later = analyse(catalogue(*full_cover(), unmet=[("huilbaby", 9)])).to_json()
    changes = compare(earlier, later)
    assert len(changes["cells_filled"]) == 8 and changes["cells_emptied"] == []
    assert len(changes["findings_resolved"]) == 6  # the basis cells of the six phases worked on
    assert [f["key"] for f in changes["findings_new"]] == ["demand.unmet_searches"]
    assert (changes["active_before"], changes["active_after"]) == (6, 8)


def test_findings_are_sorted_by_severity_and_have_every_part():
    analysis = analyse(catalogue(service("solo", factors=(), target_groups=("moeders",))))
    order = {"high": 0, "medium": 1, "low": 2}
    assert [order[f.severity] for f in analysis.findings] == sorted(
        order[f.severity] for f in analysis.findings
    )
    for finding in analysis.findings:
        assert finding.code and finding.key.startswith(finding.code) and finding.message and finding.next_step
    assert analysis.to_json()["findings"][0]["code"] == analysis.findings[0].code


def test_demand_never_reports_a_term_seen_fewer_than_three_times_whatever_the_threshold():
    from ookbalans.analysis.rules.demand import demand_findings

    loose = Thresholds(min_unmet_searches=1)
    assert demand_findings([("tweeling", 2)], loose) == []
    assert [f.code for f in demand_findings([("tweeling", 3)], loose)] == ["demand.unmet_searches"]
