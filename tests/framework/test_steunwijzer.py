"""The steunwijzer's data and its routes: every answer leads somewhere known, each route is reached."""

import pytest

from ookbalans.framework import codes, steunwijzer

LANGUAGES = {"nl", "en", "ar", "tr", "pl", "uk"}
PHASES = set(codes.PHASES.codes())


def texts_of_the_data():
    for question in steunwijzer.questions():
        yield question.code, question.text
        if question.hint:
            yield f"{question.code}/hint", question.hint
        for answer in question.answers:
            yield f"{question.code}/{answer.code}", answer.text
            if answer.notice:
                yield f"{question.code}/{answer.code}/notice", answer.notice
    for route in steunwijzer.routes():
        yield f"route/{route.code}", route.text


@pytest.mark.parametrize(("where", "texts"), list(texts_of_the_data()))
def test_every_text_is_in_the_six_languages(where, texts):
    assert set(texts) == LANGUAGES, where
    assert all(text.strip() for text in texts.values()), where


def test_the_data_names_only_the_frameworks_codes():
    factors, levels = set(codes.FACTORS.codes()), set(codes.PYRAMID_LEVELS.codes())
    route_codes = {route.code for route in steunwijzer.routes()}
    questions = steunwijzer.questions()
    assert 3 <= len(questions) <= 5
    assert [q.code for q in questions][:4] == ["wat", "sinds", "zwaar", "wie"]
    for question in questions:
        for answer in question.answers:
            assert set(answer.factors) <= factors, answer.code
            assert not answer.at_least or answer.at_least in route_codes
    for route in steunwijzer.routes():
        assert set(route.levels) <= levels
        assert route.levels[:2] == ("basis", "informatie")  # information and basis first, always


def outcome(**answers):
    given = {code: value if isinstance(value, list) else [value] for code, value in answers.items()}
    return steunwijzer.outcome(steunwijzer.known_answers(given, PHASES))


def test_no_answers_at_all_lead_to_the_light_route():
    result = outcome()
    assert result.route.code == "licht"
    assert result.route.levels == ("basis", "informatie")
    assert not result.route.contact_point_first
    assert result.factors == () and result.phase == ""


def test_a_light_question_leads_to_meeting_and_information():
    result = outcome(wat="ontwikkeling", sinds="kort", zwaar="licht", wie="veel", fase="dreumes")
    assert result.route.code == "licht"
    assert result.factors == ("ontwikkeling",)
    assert result.phase == "dreumes"


def test_a_question_that_weighs_on_a_parent_adds_a_helping_hand():
    result = outcome(wat=["geld", "werk"], sinds="maanden", zwaar="best")
    assert result.route.code == "middel"
    assert result.route.levels == ("basis", "informatie", "steuntje")
    assert result.factors == ("financien", "werk_gezin")


def test_a_heavy_situation_leads_to_the_contact_point_first_and_extra_support():
    result = outcome(wat=["gevoel", "alleen"], sinds="lang", zwaar="best", wie="niemand")
    assert result.route.code == "zwaar"
    assert result.route.contact_point_first
    assert "extra" in result.route.levels
    assert "sociale_contacten" in result.factors and "verwachtingen" in result.factors


def test_too_heavy_alone_is_enough_for_the_heavy_route():
    assert outcome(zwaar="te_zwaar").route.code == "zwaar"


def test_not_feeling_safe_at_home_is_heavy_and_names_the_emergency_numbers():
    result = outcome(wat="onveilig", zwaar="licht")
    assert result.route.code == "zwaar"
    assert "0800-2000" in result.notices[0]["nl"] and "112" in result.notices[0]["ar"]


def test_unknown_answers_are_dropped_and_a_single_choice_keeps_one():
    kept = steunwijzer.known_answers(
        {"wat": ["geld", "<script>"], "zwaar": ["best", "te_zwaar"], "fase": ["mars"], "x": ["y"]}, PHASES
    )
    assert kept == {"wat": ["geld"], "zwaar": ["best"]}


def test_every_route_is_reached_by_some_answers():
    reached = {
        outcome().route.code,
        outcome(zwaar="best", sinds="maanden").route.code,
        outcome(zwaar="te_zwaar").route.code,
    }
    assert reached == {route.code for route in steunwijzer.routes()}
