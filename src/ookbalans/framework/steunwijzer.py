"""The steunwijzer (guided question path): its questions and how answers lead to levels of the pyramid.

The questions, their answers and the routes are data (`data/steunwijzer.json`); this module reads
them and maps a set of answers to an outcome, without storing anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "steunwijzer.json"


@dataclass(frozen=True)
class Answer:
    code: str
    text: dict
    factors: tuple[str, ...] = ()
    weight: int = 0
    at_least: str = ""
    notice: dict | None = None


@dataclass(frozen=True)
class Question:
    code: str
    text: dict
    multiple: bool
    answers: tuple[Answer, ...]
    hint: dict | None = None
    phases: bool = False  # the answers are the framework's phases

    def answer(self, code: str) -> Answer | None:
        return next((answer for answer in self.answers if answer.code == code), None)


@dataclass(frozen=True)
class Route:
    code: str
    from_weight: int
    levels: tuple[str, ...]
    contact_point_first: bool
    text: dict


@dataclass(frozen=True)
class Outcome:
    """Where the answers lead: a route (its levels), the factors to match, the phase, urgent notices."""

    route: Route
    weight: int
    factors: tuple[str, ...]
    phase: str
    notices: tuple[dict, ...]


def in_language(texts: dict | None, language: str) -> str:
    """A text of the data in the language, Dutch when it has none."""
    texts = texts or {}
    return texts.get(language) or texts.get("nl", "")


@cache
def _data() -> tuple[tuple[Question, ...], tuple[Route, ...]]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    questions = tuple(
        Question(
            code=q["code"],
            text=q["text"],
            multiple=q["multiple"],
            hint=q.get("hint"),
            phases=q.get("phases", False),
            answers=tuple(
                Answer(
                    code=a["code"],
                    text=a["text"],
                    factors=tuple(a.get("factors", ())),
                    weight=a.get("weight", 0),
                    at_least=a.get("at_least", ""),
                    notice=a.get("notice"),
                )
                for a in q.get("answers", ())
            ),
        )
        for q in raw["questions"]
    )
    routes = tuple(
        Route(r["code"], r["from_weight"], tuple(r["levels"]), r["contact_point_first"], r["text"])
        for r in sorted(raw["routes"], key=lambda r: r["from_weight"])
    )
    return questions, routes


def questions() -> tuple[Question, ...]:
    return _data()[0]


def routes() -> tuple[Route, ...]:
    return _data()[1]


def route_by_code(code: str) -> Route:
    return next(route for route in routes() if route.code == code)


def known_answers(given: dict[str, list[str]], phase_codes: set[str]) -> dict[str, list[str]]:
    """Only the answers the data knows, one for a single-choice question; unknown codes are dropped."""
    kept: dict[str, list[str]] = {}
    for question in questions():
        values = list(dict.fromkeys(given.get(question.code, ())))
        if question.phases:
            values = [value for value in values if value in phase_codes]
        else:
            values = [value for value in values if question.answer(value)]
        if values:
            kept[question.code] = values if question.multiple else values[:1]
    return kept


def outcome(answers: dict[str, list[str]]) -> Outcome:
    """Add the answers' weights, lift to an answer's `at_least` route, and collect factors and notices.

    `answers` holds known answer codes per question code (see `known_answers`); every answer is optional,
    so no answers at all lead to the lightest route.
    """
    weight = 0
    factors: list[str] = []
    notices: list[dict] = []
    lifted_to: list[Route] = []
    phase = ""
    for question in questions():
        for code in answers.get(question.code, ()):
            if question.phases:
                phase = code
                continue
            answer = question.answer(code)
            if answer is None:
                continue
            weight += answer.weight
            factors += [factor for factor in answer.factors if factor not in factors]
            if answer.notice:
                notices.append(answer.notice)
            if answer.at_least:
                lifted_to.append(route_by_code(answer.at_least))
    by_weight = [route for route in routes() if route.from_weight <= weight][-1]
    chosen = max([by_weight, *lifted_to], key=lambda route: route.from_weight)
    return Outcome(chosen, weight, tuple(factors), phase, tuple(notices))
