"""The 1000-days route from a date: which phases lie ahead, when they start; plain texts in six languages."""

import datetime

import pytest

from ookbalans.framework import codes, route

TODAY = datetime.date(2026, 12, 2)
LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")


def test_without_a_date_the_route_runs_from_the_wish_for_a_child_to_the_pre_schooler():
    steps = route.route(None, TODAY)
    assert [step.phase for step in steps] == [
        "kinderwens",
        "zwangerschap",
        "geboorte",
        "baby",
        "dreumes",
        "peuter",
    ]
    assert all(step.starts_on is None and not step.now for step in steps)


def test_a_due_date_gives_the_pregnancy_now_and_every_phase_after_it_with_its_start():
    due = datetime.date(2027, 3, 10)
    steps = route.route(due, TODAY)
    assert [step.phase for step in steps] == ["zwangerschap", "geboorte", "baby", "dreumes", "peuter"]
    pregnancy, birth, baby, toddler, preschooler = steps
    assert pregnancy.now and not birth.now
    assert pregnancy.starts_on == due - datetime.timedelta(days=280)
    assert pregnancy.ends_on == datetime.date(2027, 3, 9)
    assert birth.starts_on == due
    assert baby.starts_on == due + datetime.timedelta(days=42)
    assert toddler.starts_on == datetime.date(2028, 3, 10)
    assert preschooler.starts_on == datetime.date(2029, 3, 10)
    assert preschooler.ends_on == datetime.date(2031, 3, 9)


def test_a_birth_date_leaves_out_the_phases_behind_the_family():
    born = datetime.date(2026, 5, 1)
    steps = route.route(born, TODAY)
    assert [step.phase for step in steps] == ["baby", "dreumes", "peuter"]
    assert steps[0].now


def test_a_child_born_on_29_february_becomes_a_toddler_on_1_march():
    steps = route.route(datetime.date(2024, 2, 29), datetime.date(2024, 6, 1))
    assert steps[1].phase == "dreumes" and steps[1].starts_on == datetime.date(2025, 3, 1)


def test_a_child_of_four_or_older_has_the_route_behind_it_and_a_far_date_is_out_of_range():
    assert route.route(datetime.date(2020, 1, 1), TODAY) == []
    assert route.route(TODAY + datetime.timedelta(weeks=50), TODAY) is None


@pytest.mark.parametrize("phase", route.ROUTE_PHASES)
def test_every_phase_of_the_route_says_what_usually_happens_in_six_languages(phase):
    assert phase in codes.PHASES.codes()
    texts = {language: route.what_happens(phase, language) for language in LANGUAGES}
    assert all(texts.values())
    assert len(set(texts.values())) == len(LANGUAGES)  # really translated, not Dutch six times
    # plain language: short sentences
    sentences = [s for s in texts["nl"].replace("?", ".").split(".") if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 15
