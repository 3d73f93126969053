"""The framework codes and catalogue choices the rules name are real: a renamed code would fail here."""

from ookbalans.analysis.rules import access, base, evidence, target_groups
from ookbalans.catalogue.models import CostOption, Service
from ookbalans.finder import finding
from ookbalans.framework import codes


def test_the_phases_levels_and_groups_the_rules_name_are_framework_codes():
    assert set(base.FOCUS_PHASES) <= set(codes.PHASES.codes())
    assert set(base.NEAR_LEVELS) <= set(codes.PYRAMID_LEVELS.codes())
    assert set(evidence.SUPPORT_LEVELS) <= set(codes.PYRAMID_LEVELS.codes())
    assert base.NOT_ASSESSED in codes.RECOGNITION_LEVELS.codes()
    groups = set(target_groups.FATHER_GROUPS) | {target_groups.VULNERABLE_FAMILIES}
    assert groups <= set(codes.TARGET_GROUPS.codes())
    assert set(finding.FATHERS) <= set(codes.TARGET_GROUPS.codes())


def test_every_accessibility_condition_has_a_finding_code_and_a_next_step():
    conditions = set(codes.ACCESSIBILITY_CONDITIONS.codes())
    assert set(access.ACCESS_CODES) == conditions == set(access.ACCESS_NEXT_STEPS)
    assert set(access.ACCESS_WEIGHTY) | set(access.ACCESS_SECONDARY) <= conditions
    assert {condition for condition, _level in access.ACCESS_NOT_APPLICABLE} <= conditions


def test_the_cost_kinds_and_frequencies_the_rules_name_are_catalogue_choices():
    assert set(access.FREE_KINDS) | set(finding.FREE_FOR_PARENTS) <= set(CostOption.Kind)
    assert set(access.FREQUENT) <= set(Service.Frequency)
    assert {Service.Frequency.ONCE, Service.Frequency.MONTHLY}.isdisjoint(access.FREQUENT)
